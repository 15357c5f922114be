package dev.fn4j.runtime.source.go;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.ImageLoader;
import dev.fn4j.runtime.source.LanguageBuilder;
import dev.fn4j.runtime.source.SourceRejectedException;
import dev.fn4j.runtime.source.polyglot.LocalImage;
import dev.fn4j.runtime.source.polyglot.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a Go function: the uploaded package is linked with the Go host (hosts/go, carried in the
 * runtime jar) and compiled to a static binary in a locked-down build container of the local
 * toolchain image, standard library and vendored modules only; the binary alone goes on the
 * minimal base image.
 */
public final class GoBuilder implements LanguageBuilder {

    /** The images scripts/polyglot-images.sh builds. */
    public static final String DEFAULT_TOOLCHAIN_IMAGE = "fn4j/go-toolchain:1.19";

    public static final String DEFAULT_BASE_IMAGE = "fn4j/static-base:1";

    static final String BINARY = "/app/function";
    /** The host's files in the runtime jar; main.go.tmpl becomes main.go with the import path. */
    static final List<String> HOST_FILES = List.of("capture.go", "frames.go", "host.go", "main.go.tmpl");

    private final String toolchainImage;
    private final String baseImage;
    private final Path cache;
    private final BuildContainer container;
    /** Puts the built image's archive into the engine. */
    private final ImageLoader loader;

    /**
     * @param toolchainImage a local image with {@code go} on its PATH
     * @param baseImage the local image the binary runs on
     * @param cache a folder for jib-core's layer cache, e.g. under the runtime's data folder
     * @param containerLabels extra labels for the build containers (tests add dev.fn4j.test=true)
     * @param loader puts the built archive into the engine, as for the Java builder
     */
    public GoBuilder(
            String toolchainImage,
            String baseImage,
            Path cache,
            Map<String, String> containerLabels,
            ImageLoader loader) {
        for (String image : new String[] {toolchainImage, baseImage}) {
            if (image == null || image.isBlank()) {
                throw new IllegalArgumentException("images must name local images, got '" + image + "'");
            }
        }
        this.toolchainImage = toolchainImage;
        this.baseImage = baseImage;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.container = new BuildContainer(toolchainImage, containerLabels, Duration.ofMinutes(5));
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public String language() {
        return "go";
    }

    @Override
    public String lookedFor() {
        return "Go: .go files at the top of the upload, in a package other than main, defining"
                + " `func Handle(ctx context.Context, input T) (R, error)`";
    }

    @Override
    public boolean recognises(Path root, String handler) throws IOException {
        return GoPackage.find(root, handler) != null;
    }

    @Override
    public String build(Path root, String handler, String imageName, BuildSteps steps)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        GoPackage pkg = GoPackage.require(root, handler);
        Path work = SourceTree.workDir("fn4j-go-");
        try {
            Path source = work.resolve("src");
            SourceTree.copy(root, source);
            link(pkg, source);
            Path out = Files.createDirectory(work.resolve("out"));
            // The build container's user is not the runtime's: it may write the binary here only.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            steps.ended("prepare", millisSince(start));

            start = System.nanoTime();
            String mod = Files.isDirectory(source.resolve("vendor")) ? "-mod=vendor" : "-mod=mod";
            BuildContainer.Outcome compiled = container.run(
                    source, out, List.of("go", "build", mod, "-ldflags=-s -w", "-o", "/out/function", "./fn4jhost"));
            compiled.output().lines().forEach(steps::output);
            steps.ended("compile", millisSince(start));
            if (!compiled.ok()) {
                throw new SourceRejectedException(
                        "compile_error",
                        null,
                        "the Go compiler refused the package:\n"
                                + compiled.output().strip());
            }

            start = System.nanoTime();
            Path tar = work.resolve("image.tar");
            new LocalImage(baseImage, cache)
                    .layer("function", out.resolve("function"), BINARY, true)
                    .entrypoint(List.of(BINARY))
                    .label(ImageLayout.LABEL_HANDLERS, pkg.name())
                    .label(ImageLayout.LABEL_LANGUAGE, "go")
                    .buildInto(imageName, tar);
            steps.ended("image", millisSince(start));
            start = System.nanoTime();
            String id = loader.load(tar);
            steps.ended("load", millisSince(start));
            return id;
        } finally {
            SourceTree.delete(work);
        }
    }

    /** Adds go.mod when missing and the host as package fn4jhost/ importing the function's package. */
    private static void link(GoPackage pkg, Path source) throws IOException {
        if (pkg.module() == null) {
            Files.writeString(source.resolve("go.mod"), "module " + GoPackage.DEFAULT_MODULE + "\n\ngo 1.19\n");
        }
        Path host = source.resolve("fn4jhost");
        if (Files.exists(host)) {
            throw new SourceRejectedException(
                    "compile_error", "fn4jhost/", "the folder fn4jhost/ is the runtime's own: rename yours");
        }
        for (String file : HOST_FILES) {
            if (file.equals("main.go.tmpl")) {
                String main =
                        SourceTree.hostText("go/fn4jhost/" + file).replace("{{FUNCTION_PACKAGE}}", pkg.importPath());
                Files.createDirectories(host);
                Files.writeString(host.resolve("main.go"), main);
            } else {
                SourceTree.host("go/fn4jhost/" + file, host.resolve(file));
            }
        }
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : SourceTree.files(host, ".go")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public String toString() {
        return "GoBuilder[" + toolchainImage + " -> " + baseImage + "]";
    }
}
