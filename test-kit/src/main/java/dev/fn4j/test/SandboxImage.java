package dev.fn4j.test;

import dev.fn4j.image.BaseImage;
import dev.fn4j.image.FunctionImageBuilder;
import dev.fn4j.image.ImageBuildException;
import dev.fn4j.image.ImageBuildRequest;
import dev.fn4j.image.ImageOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds a project's function image into a docker-archive tar with fn:build's own Jib assembly. */
final class SandboxImage {

    private SandboxImage() {}

    /**
     * Builds the image.
     *
     * @throws IllegalStateException with the builder's message saying what to fix
     */
    static Path build(FnSandbox.Builder b, Path tar) {
        try {
            new FunctionImageBuilder()
                    .build(ImageBuildRequest.builder()
                            .baseImage(BaseImage.parse(b.baseImage))
                            .hostJar(b.hostJar)
                            .classesDir(b.classes)
                            .resourcesDir(b.resources)
                            .dependencies(b.dependencies)
                            .handlers(List.of(b.handler))
                            .labels(Map.copyOf(b.containerLabels))
                            .output(ImageOutput.tar(tar, "fn4j-sandbox/" + b.functionName))
                            .build());
            return tar;
        } catch (ImageBuildException e) {
            throw new IllegalStateException(
                    "cannot build the sandbox image of " + b.handler + ": " + e.getMessage(), e);
        }
    }
}
