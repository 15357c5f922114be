package dev.fn4j.runtime.source;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.BuiltImage;
import dev.fn4j.image.ClassFileException;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.HandlerInfo;
import dev.fn4j.image.HandlerScan;
import dev.fn4j.image.HandlerScanner;
import dev.fn4j.image.HandlerSelection;
import dev.fn4j.image.HandlerSelectionException;
import dev.fn4j.image.ImageBuildException;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Java uploads: class files or jars whose handler the plugin's own scanner ({@link HandlerScanner})
 * finds, built with jib-core into the same image layout {@code fn:build} makes, on the runtime's
 * base image, and loaded into the engine.
 */
public final class JavaBuilder implements LanguageBuilder {

    private final BaseImage baseImage;
    private final HostJar hostJar;
    /** Jib's layer cache: a base image is read from the engine once, then reused. */
    private final Path cacheDir;

    private final SafeUnzip unzip;
    private final ImageLoader loader;

    /**
     * @param baseImage the JRE base, such as {@code docker://fn4j/jre-base:17}
     * @param workDir where the host jar and Jib's cache are kept across builds
     */
    public JavaBuilder(BaseImage baseImage, Path workDir, SourceLimits limits, ImageLoader loader) {
        this.baseImage = baseImage;
        this.hostJar = new HostJar(workDir);
        this.cacheDir = workDir.resolve("jib-cache");
        this.unzip = new SafeUnzip(limits);
        this.loader = loader;
    }

    @Override
    public String language() {
        return "java";
    }

    @Override
    public String lookedFor() {
        return "Java: class files, or a jar, with a class implementing dev.fn4j.api.Handler or HttpHandler"
                + " (or an AWS Lambda or Google Cloud Functions handler)";
    }

    @Override
    public boolean recognises(Path root, String handler) throws IOException {
        return JavaLayout.looksJava(root);
    }

    @Override
    public String build(Path root, String handler, String imageName, BuildSteps steps)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        List<Path> libs = JavaLayout.arrange(root, root.resolveSibling("java-libs"), unzip);
        HandlerInfo chosen = choose(root, libs, handler);
        steps.output(
                "handler " + chosen.className() + " (" + chosen.kind().name().toLowerCase(Locale.ROOT) + ")");
        begin = ended(steps, "scan", begin);
        Path tar = root.resolveSibling("image.tar");
        try {
            BuiltImage built = new FunctionImageBuilder()
                    .build(ImageBuildRequest.builder()
                            .baseImage(baseImage)
                            .hostJar(hostJar.file())
                            .classesDir(root)
                            .dependencies(libs)
                            .handlers(List.of(chosen.className()))
                            .labels(Map.of("dev.fn4j.source", "upload"))
                            .output(ImageOutput.tar(tar, imageName))
                            .cacheDir(cacheDir)
                            .logger(steps::output)
                            .build());
            steps.output("image " + built.imageId());
        } catch (ImageBuildException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new InterruptedException(e.getMessage());
            }
            throw new IOException("building the image failed: " + e.getMessage(), e);
        }
        begin = ended(steps, "image", begin);
        String id = loader.load(tar);
        ended(steps, "load", begin);
        return id;
    }

    private static HandlerInfo choose(Path root, List<Path> libs, String handler) throws IOException {
        try {
            HandlerScan scan = HandlerScanner.scanDetailed(root, libs);
            return HandlerSelection.select(scan, handler);
        } catch (ClassFileException e) {
            String source = inArchive(e.source(), root);
            throw new SourceRejectedException("bad_class_file", source, inArchive(e.getMessage(), root));
        } catch (HandlerSelectionException e) {
            String rule = switch (e.reason()) {
                case NONE_FOUND -> "no_handler";
                case AMBIGUOUS -> "ambiguous_handler";
                case NOT_A_HANDLER -> "not_a_handler";
            };
            String hint = e.reason() == HandlerSelectionException.Reason.AMBIGUOUS
                    ? "; name one with the handler parameter"
                    : "";
            throw new SourceRejectedException(rule, handler, inArchive(e.getMessage(), root) + hint);
        }
    }

    /** The message in the user's terms: the build directory is the archive to them. */
    private static String inArchive(String text, Path root) {
        return text.replace(root.toString() + "/", "").replace(root.toString(), "the archive");
    }

    private static long ended(BuildSteps steps, String step, long begin) {
        long now = System.nanoTime();
        steps.ended(step, (now - begin) / 1_000_000);
        return now;
    }
}
