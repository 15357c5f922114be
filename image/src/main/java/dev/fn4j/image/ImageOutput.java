package dev.fn4j.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a built image goes: an archive file, the local Docker engine, or a registry.
 */
public sealed interface ImageOutput permits ImageOutput.Tar, ImageOutput.Docker, ImageOutput.Registry {

    /** The image's name as it is tagged in the output. */
    String imageName();

    /**
     * A docker-archive tar file (what {@code POST /v1/images} and {@code docker load} accept).
     *
     * @param file      the archive to write; its parent directories are created
     * @param imageName the name:tag recorded in the archive
     */
    static ImageOutput tar(Path file, String imageName) {
        return new Tar(file, imageName);
    }

    /** The local Docker engine, loaded through the {@code docker} command line. */
    static ImageOutput docker(String imageName) {
        return new Docker(imageName);
    }

    /** A registry push; credentials come from the Docker config and credential helpers. */
    static ImageOutput registry(String imageRef) {
        return new Registry(imageRef, false);
    }

    /**
     * A registry push that may fall back to plain HTTP when {@code allowInsecure}; then Jib sends
     * no credentials over it (anonymous push), unless its sendCredentialsOverHttp property says so.
     */
    static ImageOutput registry(String imageRef, boolean allowInsecure) {
        return new Registry(imageRef, allowInsecure);
    }

    /** A tar file output. */
    record Tar(Path file, String imageName) implements ImageOutput {
        public Tar {
            Objects.requireNonNull(file, "tar output file");
            imageName = checkedName(imageName);
        }
    }

    /** A local Docker engine output. */
    record Docker(String imageName) implements ImageOutput {
        public Docker {
            imageName = checkedName(imageName);
        }
    }

    /** A registry output; {@code allowInsecure}: HTTP or an unverified certificate is accepted. */
    record Registry(String imageName, boolean allowInsecure) implements ImageOutput {
        public Registry {
            imageName = checkedName(imageName);
        }
    }

    /** Rejects names Jib would refuse later, while the caller still knows which value it was. */
    private static String checkedName(String imageName) {
        if (imageName == null || imageName.isBlank()) {
            throw new IllegalArgumentException("image name is blank ('" + imageName
                    + "'); expected a reference such as fn4j/hello:1 or registry.example.com/team/hello:1");
        }
        String trimmed = imageName.strip();
        try {
            ImageReference.parse(trimmed);
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException(
                    "invalid image name '" + imageName
                            + "'; expected a reference such as fn4j/hello:1 (lower-case repository, optional :tag)",
                    e);
        }
        return trimmed;
    }
}
