package dev.fn4j.bench;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the echo function's image with fn4j-image, as {@code mvn fn:build} would: the base
 * image, the shaded host jar, and a classes layer holding {@link Echo} and the cold starts'
 * record/JSON {@link ColdStartGreeter}.
 */
final class EchoImage {

    private EchoImage() {}

    /** A directory holding just Echo.class, in its package, under {@code workDir}. */
    static Path classesDir(Path workDir) throws IOException {
        Path classes = workDir.resolve("echo-classes");
        for (Class<?> c : List.of(
                Echo.class, ColdStartGreeter.class, ColdStartGreeter.Name.class, ColdStartGreeter.Greeting.class)) {
            String resource = c.getName().replace('.', '/') + ".class";
            Path file = classes.resolve(resource);
            Files.createDirectories(file.getParent());
            try (InputStream in = EchoImage.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("cannot find " + resource + " on the class path");
                }
                Files.copy(in, file);
            }
        }
        return classes;
    }

    /** Builds the image as a docker-archive tar named {@code imageName}. */
    static Path build(String baseImage, Path hostJar, Path classes, String imageName, Path tar) throws Exception {
        new FunctionImageBuilder()
                .build(ImageBuildRequest.builder()
                        .baseImage(BaseImage.parse(baseImage))
                        .hostJar(hostJar)
                        .classesDir(classes)
                        .dependencies(List.of())
                        .handlers(List.of(Echo.class.getName(), ColdStartGreeter.class.getName()))
                        .labels(Map.of("dev.fn4j.bench", "true"))
                        .output(ImageOutput.tar(tar, imageName))
                        .build());
        return tar;
    }
}
