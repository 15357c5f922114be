package dev.fn4j.runtime.source.python;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.ImageLoader;
import dev.fn4j.runtime.source.LanguageBuilder;
import dev.fn4j.runtime.source.polyglot.LocalImage;
import dev.fn4j.runtime.source.polyglot.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Builds a Python function: the upload's files and the Python host (hosts/python, carried in the
 * runtime jar) as layers on the local Python base image, vendored packages in a layer of their
 * own so that a code change reuses it.
 */
public final class PythonBuilder implements LanguageBuilder {

    /** The base image scripts/polyglot-images.sh builds from Debian's python3. */
    public static final String DEFAULT_BASE_IMAGE = "fn4j/python-base:3.11";

    static final String CODE_DIR = "/app/function";
    static final String HOST = "/app/host/fn4j_host.py";

    private final String baseImage;
    /** jib-core's layer cache, kept between builds. */
    private final Path cache;
    /** Puts the built image's archive into the engine. */
    private final ImageLoader loader;

    /**
     * @param baseImage a local image with {@code python3} on its PATH (3.8 or later)
     * @param cache a folder for jib-core's layer cache, e.g. under the runtime's data folder
     * @param loader puts the built archive into the engine, as for the Java builder
     */
    public PythonBuilder(String baseImage, Path cache, ImageLoader loader) {
        if (baseImage == null || baseImage.isBlank()) {
            throw new IllegalArgumentException("baseImage must name a local image, got '" + baseImage + "'");
        }
        this.baseImage = baseImage;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public String lookedFor() {
        return "Python: a module main.py (or the module the handler names, such as pkg.mod for pkg/mod.py)"
                + " defining `def handle(input, context):`";
    }

    @Override
    public boolean recognises(Path root, String handler) throws IOException {
        try {
            return PythonModule.find(root, handler) != null;
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        }
    }

    @Override
    public String build(Path root, String handler, String imageName, BuildSteps steps)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        PythonModule module = PythonModule.require(root, handler);
        PythonModule.requireVendored(root);
        steps.ended("check", millisSince(start));

        start = System.nanoTime();
        Path work = SourceTree.workDir("fn4j-python-");
        try {
            Path host = SourceTree.host("python/fn4j_host.py", work.resolve("host/fn4j_host.py"));
            Path code = work.resolve("function");
            SourceTree.copy(root, code);
            LocalImage image = new LocalImage(baseImage, cache);
            // Vendored packages change less often than the code: their own layers come first.
            for (String dir : PythonModule.VENDOR_DIRS) {
                Path vendored = code.resolve(dir);
                if (Files.isDirectory(vendored)) {
                    Path moved = Files.move(vendored, work.resolve("deps-" + dir));
                    image.layer("dependencies-" + dir, moved, CODE_DIR + "/" + dir, false);
                }
            }
            image.layer("host", host, HOST, false)
                    .layer("function", code, CODE_DIR, false)
                    .entrypoint(List.of("python3", "-I", "-B", "-u", HOST))
                    .env("FN4J_CODE_DIR", CODE_DIR)
                    .label(ImageLayout.LABEL_HANDLERS, module.name())
                    .label(ImageLayout.LABEL_LANGUAGE, "python");
            Path tar = work.resolve("image.tar");
            image.buildInto(imageName, tar);
            steps.ended("image", millisSince(start));
            start = System.nanoTime();
            String id = loader.load(tar);
            steps.ended("load", millisSince(start));
            return id;
        } finally {
            SourceTree.delete(work);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
