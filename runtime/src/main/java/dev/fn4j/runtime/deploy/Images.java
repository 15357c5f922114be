package dev.fn4j.runtime.deploy;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LayerChains;
import dev.fn4j.runtime.engine.LoadedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The images functions run: loads uploaded image archives into the engine, staged on disk, and
 * tells which layers an upload may leave out. Blocks on the engine and on disk.
 */
public final class Images {

    /** Writes an uploaded archive to a file; may block. */
    @FunctionalInterface
    public interface Upload {
        void saveTo(Path file) throws IOException;
    }

    /**
     * An image now in the engine.
     *
     * @param id the engine's image id, {@code sha256:…}
     * @param handlers the handler classes the image lists; empty when it lists none
     */
    public record Loaded(String id, List<String> tags, List<String> handlers) {}

    private final ContainerEngine engine;
    /** Where uploads are staged; each staged file is deleted once loaded or refused. */
    private final Path uploadDir;
    /** Told of each image loaded (the stems copy its files out ahead of its deploy); never blocks. */
    private final Consumer<LoadedImage> loaded;

    public Images(ContainerEngine engine, Path uploadDir) {
        this(engine, uploadDir, image -> {});
    }

    public Images(ContainerEngine engine, Path uploadDir, Consumer<LoadedImage> loaded) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.uploadDir = Objects.requireNonNull(uploadDir, "uploadDir");
        this.loaded = Objects.requireNonNull(loaded, "loaded");
    }

    /** Stages the upload in a file of its own and loads it into the engine. */
    public Loaded load(Upload upload) throws IOException {
        Files.createDirectories(uploadDir);
        Path file = Files.createTempFile(uploadDir, "upload-", ".tar");
        try {
            upload.saveTo(file);
            LoadedImage image = engine.loadImage(file);
            loaded.accept(image);
            return new Loaded(image.id(), image.tags(), image.handlers());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** How many leading layers of {@code diffIds} the engine has, which an upload may leave out. */
    public int reusableLayers(List<String> diffIds) {
        return engine.reusableLayers(diffIds);
    }

    /** Whether the text is a layer's diff id: {@code sha256:} and 64 lower-case hex digits. */
    public static boolean isDiffId(String text) {
        return LayerChains.DIFF_ID.matcher(text).matches();
    }
}
