package dev.fn4j.runtime.source.polyglot;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.source.ImageLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Layers on a base image that the local engine holds, built with jib-core (no Dockerfile, no
 * {@code docker build}) into a docker-archive tar that the {@link ImageLoader} puts into the
 * engine, as the Java builder's images are. Runs as the function user; files are
 * world-readable, never writable, with a fixed time so that equal input gives an equal image.
 */
public final class LocalImage {

    private static final FilePermissions FILE = FilePermissions.fromOctalString("644");
    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");

    private final String baseImage;
    /** Jib's cache of the base image's layers; kept between builds, so only a cold build exports the base. */
    private final Path cache;

    private final List<FileEntriesLayer> layers = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private List<String> entrypoint = List.of();

    public LocalImage(String baseImage, Path cache) {
        if (baseImage == null || baseImage.isBlank()) {
            throw new IllegalArgumentException("baseImage must name a local image, got '" + baseImage + "'");
        }
        this.baseImage = baseImage;
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** Adds the tree at {@code source} (a file or a folder) as one layer at {@code target}. */
    public LocalImage layer(String name, Path source, String target, boolean executable) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        layer.addEntryRecursive(
                source,
                AbsoluteUnixPath.get(target),
                (path, inImage) -> Files.isDirectory(path) || executable ? EXECUTABLE : FILE,
                (path, inImage) -> Instant.EPOCH.plusSeconds(1));
        layers.add(layer.build());
        return this;
    }

    public LocalImage entrypoint(List<String> command) {
        this.entrypoint = List.copyOf(command);
        return this;
    }

    public LocalImage label(String name, String value) {
        labels.put(name, value);
        return this;
    }

    public LocalImage env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Builds the image as {@code reference} into the docker-archive {@code tar}, for an
     * {@link ImageLoader} to put into the engine.
     */
    public void buildInto(String reference, Path tar) throws IOException, InterruptedException {
        try {
            JibContainerBuilder builder = Jib.from(DockerDaemonImage.named(baseImage))
                    .setFileEntriesLayers(layers)
                    .setEntrypoint(entrypoint)
                    .setEnvironment(environment)
                    .setLabels(labels)
                    .setUser(ImageLayout.USER)
                    .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.WORKING_DIR));
            builder.containerize(Containerizer.to(TarImage.at(tar).named(reference))
                    .setBaseImageLayersCache(cache.resolve("base"))
                    .setApplicationLayersCache(cache.resolve("application"))
                    .setToolName("fn4j-runtime"));
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("not an image reference: " + e.getMessage(), e);
        } catch (ExecutionException | RegistryException | CacheDirectoryCreationException e) {
            throw new IOException("building image " + reference + " on " + baseImage + " failed: " + e.getMessage(), e);
        }
    }
}
