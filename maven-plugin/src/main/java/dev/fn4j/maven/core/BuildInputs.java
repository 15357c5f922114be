package dev.fn4j.maven.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a project gives the image build, as the mojo collected it.
 *
 * @param baseDir the project's directory; paths in messages are shown relative to it
 * @param classesDir the compiled classes and resources, {@code target/classes}
 * @param dependencies the runtime dependencies, an id such as {@code group:artifact:version}
 *     mapped to its file, in class path order
 * @param hostJar the fn4j-host jar that goes into every image
 * @param baseImage the base image as the user wrote it ({@code fn.baseImage})
 * @param output where the image goes: {@code tar}, {@code docker} or {@code registry}
 *     ({@code fn.output}); null for {@code tar}
 * @param image the image name the user gave ({@code fn.image}), or null for the default
 * @param defaultImage the image name used when the user gives none
 * @param tarFile the archive a {@code tar} output writes
 * @param labels extra image labels
 */
public record BuildInputs(
        Path baseDir,
        Path classesDir,
        Map<String, Path> dependencies,
        Path hostJar,
        String baseImage,
        String output,
        String image,
        String defaultImage,
        Path tarFile,
        Map<String, String> labels) {

    /** Copies the maps. */
    public BuildInputs {
        dependencies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dependencies));
        labels = Map.copyOf(labels);
    }

    /** {@code path} relative to the project directory when it is inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
