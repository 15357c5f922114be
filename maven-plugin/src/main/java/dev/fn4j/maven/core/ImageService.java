package dev.fn4j.maven.core;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.BuiltImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.HandlerScan;
import dev.fn4j.image.HandlerScanner;
import dev.fn4j.image.ImageBuildException;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a project's function image, in two steps so that every check runs before any image
 * work starts: {@link #prepare} checks the base image, the output, the dependencies and the
 * handlers; {@link #build} runs Jib. {@code fn:build} and {@code fn:deploy} share it.
 */
public final class ImageService {

    private static final Setting BASE_IMAGE = Setting.parameter("baseImage", "fn.baseImage");
    private static final Setting OUTPUT = Setting.parameter("output", "fn.output");
    private static final Setting IMAGE = Setting.parameter("image", "fn.image");

    private final FunctionImageBuilder builder = new FunctionImageBuilder();
    private final GoalLog log;

    /** A service that reports to {@code log}. */
    public ImageService(GoalLog log) {
        this.log = log;
    }

    /**
     * Checks everything the build needs and chooses each function's handler; builds nothing.
     *
     * @throws FnFailureException when a setting is wrong or a handler is missing or ambiguous
     * @throws FnExecutionException when the compiled classes cannot be read
     */
    public PreparedBuild prepare(BuildInputs in, List<FunctionTarget> targets)
            throws FnFailureException, FnExecutionException {
        BaseImage base = baseImage(in.baseImage());
        ImageOutput output = output(in);
        List<Path> dependencies = dependencies(in.dependencies());
        String classesDir = in.display(in.classesDir());
        HandlerScan scan = scan(in.classesDir(), dependencies, classesDir);
        List<ChosenFunction> functions = HandlerChooser.choose(scan, targets, classesDir);
        List<String> handlers = HandlerChooser.classNames(scan.handlers());
        try {
            ImageBuildRequest request = ImageBuildRequest.builder()
                    .baseImage(base)
                    .hostJar(in.hostJar())
                    .classesDir(in.classesDir())
                    .dependencies(dependencies)
                    .handlers(handlers)
                    .labels(in.labels())
                    .output(output)
                    .logger(log::debug)
                    .build();
            return new PreparedBuild(request, functions, handlers);
        } catch (IllegalArgumentException e) {
            throw new FnExecutionException("Cannot prepare the image build: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the image.
     *
     * @throws FnFailureException when the base image cannot be found where the user said
     * @throws FnExecutionException when the build fails otherwise
     */
    public BuildResult build(PreparedBuild prepared) throws FnFailureException, FnExecutionException {
        ImageBuildRequest request = prepared.request();
        log.info("Building image " + request.output().imageName() + " from " + request.baseImage() + " for "
                + describe(prepared.functions()));
        long start = System.nanoTime();
        try {
            BuiltImage image = builder.build(request);
            return new BuildResult(image, prepared.functions(), Elapsed.since(start));
        } catch (ImageBuildException e) {
            if (e.reason() == ImageBuildException.Reason.BASE_IMAGE_NOT_FOUND) {
                throw new FnFailureException(
                        BASE_IMAGE + " is '" + request.baseImage() + "', which cannot be read: " + e.getMessage() + ".",
                        e);
            }
            throw new FnExecutionException("Cannot build the function image: " + e.getMessage(), e);
        }
    }

    private static String describe(List<ChosenFunction> functions) {
        List<String> parts = new ArrayList<>();
        for (ChosenFunction f : functions) {
            parts.add(f.name() + " -> " + f.handler().className());
        }
        return (functions.size() == 1 ? "function " : functions.size() + " functions: ") + String.join(", ", parts);
    }

    private static BaseImage baseImage(String value) throws FnFailureException {
        try {
            return BaseImage.parse(value);
        } catch (IllegalArgumentException e) {
            throw new FnFailureException(BASE_IMAGE.invalid(
                    String.valueOf(value),
                    "not a base image",
                    "use a registry reference such as " + BaseImage.DEFAULT + ", docker://NAME for"
                            + " an image in the local Docker engine, or tar://PATH for an image archive"));
        }
    }

    private static ImageOutput output(BuildInputs in) throws FnFailureException {
        String kind = in.output() == null || in.output().isBlank()
                ? "tar"
                : in.output().strip().toLowerCase(Locale.ROOT);
        String name =
                in.image() == null || in.image().isBlank() ? null : in.image().strip();
        try {
            switch (kind) {
                case "tar":
                    return ImageOutput.tar(in.tarFile(), name != null ? name : in.defaultImage());
                case "docker":
                    return ImageOutput.docker(name != null ? name : in.defaultImage());
                case "registry":
                    if (name == null) {
                        throw new FnFailureException(OUTPUT + " is 'registry', which needs the"
                                + " reference to push to: set " + IMAGE.howToSet()
                                + ", e.g. -Dfn.image=registry.example.com/team/hello:1.");
                    }
                    return ImageOutput.registry(name, RegistryTarget.isLoopback(name));
                default:
                    throw new FnFailureException(OUTPUT.invalid(
                            in.output(), "not an image output", "use tar (the default), docker or registry"));
            }
        } catch (IllegalArgumentException e) {
            throw new FnFailureException(
                    IMAGE.invalid(
                            String.valueOf(name),
                            "not a valid image name",
                            "use a lower-case repository with an optional :tag, e.g. fn4j/hello:1"),
                    e);
        }
    }

    private static List<Path> dependencies(Map<String, Path> dependencies) throws FnFailureException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Path> dependency : dependencies.entrySet()) {
            Path file = dependency.getValue();
            if (file == null) {
                throw new FnFailureException("The runtime dependency " + dependency.getKey()
                        + " has no file: run mvn package fn:deploy so that Maven resolves it.");
            }
            if (Files.isDirectory(file)) {
                throw new FnFailureException("The runtime dependency " + dependency.getKey()
                        + " is the directory " + file + ", a reactor module compiled but not packaged:"
                        + " run mvn package fn:deploy so that it is a jar.");
            }
            files.add(file);
        }
        return files;
    }

    private static HandlerScan scan(Path classesDir, List<Path> dependencies, String display)
            throws FnExecutionException {
        if (!Files.isDirectory(classesDir)) {
            return new HandlerScan(classesDir, List.of(), Map.of());
        }
        try {
            return HandlerScanner.scanDetailed(classesDir, dependencies);
        } catch (IOException e) {
            throw new FnExecutionException("Cannot read the compiled classes in " + display + ": " + e.getMessage(), e);
        }
    }
}
