package dev.fn4j.maven.core;

import dev.fn4j.image.BuiltImage;
import java.time.Duration;
import java.util.List;

/**
 * A built function image.
 *
 * @param image what the builder made: name, digest, image id and archive
 * @param functions the functions the image is for, each with its handler
 * @param took how long the build took
 */
public record BuildResult(BuiltImage image, List<ChosenFunction> functions, Duration took) {}
