package dev.fn4j.image;

/**
 * The outcome of a successful build.
 *
 * @param imageName the image's name as written (for example {@code fn4j/hello:latest})
 * @param digest    the manifest digest, {@code sha256:...}; equal for equal inputs
 * @param imageId   the config digest, {@code sha256:...}, which Docker shows as the image id
 * @param tarFile   the archive written, or {@code null} unless the output was a tar file
 */
public record BuiltImage(String imageName, String digest, String imageId, java.nio.file.Path tarFile) {}
