package dev.fn4j.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a function image's base comes from, parsed from the string a user writes: a registry
 * reference, {@code docker://NAME} for the local engine or {@code tar://PATH} for an archive.
 */
public final class BaseImage {

    /** The base image users get when they name none; a registry image with a JRE 17. */
    public static final String DEFAULT = "eclipse-temurin:17-jre";

    static final String DOCKER_PREFIX = "docker://";
    static final String TAR_PREFIX = "tar://";
    /** Jib's explicit registry form; accepted so a Jib user's habit works here too. */
    static final String REGISTRY_PREFIX = "registry://";

    private static final String FORMS = "expected a registry reference such as " + DEFAULT
            + ", docker://NAME for an image in the local Docker engine,"
            + " or tar://PATH for an image archive";

    /** Where the base is read from. */
    public enum Source {
        /** A container registry; needs network access (and maybe credentials). */
        REGISTRY,
        /** The local Docker engine, read with {@code docker save}; needs no network. */
        DOCKER,
        /** An image archive on disk (docker-archive or OCI tar); needs no network. */
        TAR
    }

    private final String value;
    private final Source source;
    /** Set for REGISTRY and DOCKER, null for TAR. */
    private final ImageReference reference;
    /** Set for TAR, null otherwise. */
    private final Path tarFile;

    private BaseImage(String value, Source source, ImageReference reference, Path tarFile) {
        this.value = value;
        this.source = source;
        this.reference = reference;
        this.tarFile = tarFile;
    }

    /**
     * Parses a user's base image string.
     *
     * @throws IllegalArgumentException when the value is null, blank or not one of the three forms
     */
    public static BaseImage parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "base image is " + (value == null ? "missing" : "blank") + " ('" + value + "'): " + FORMS);
        }
        String trimmed = value.strip();
        if (trimmed.startsWith(DOCKER_PREFIX)) {
            return new BaseImage(
                    trimmed, Source.DOCKER, reference(value, trimmed.substring(DOCKER_PREFIX.length())), null);
        }
        if (trimmed.startsWith(TAR_PREFIX)) {
            String path = trimmed.substring(TAR_PREFIX.length());
            if (path.isBlank()) {
                throw invalid(value);
            }
            try {
                return new BaseImage(trimmed, Source.TAR, null, Path.of(path));
            } catch (InvalidPathException e) {
                throw invalid(value);
            }
        }
        String name = trimmed.startsWith(REGISTRY_PREFIX) ? trimmed.substring(REGISTRY_PREFIX.length()) : trimmed;
        return new BaseImage(trimmed, Source.REGISTRY, reference(value, name), null);
    }

    private static ImageReference reference(String value, String name) {
        if (name.isBlank()) {
            throw invalid(value);
        }
        try {
            return ImageReference.parse(name);
        } catch (InvalidImageReferenceException e) {
            throw invalid(value);
        }
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("invalid base image '" + value + "': " + FORMS);
    }

    /** Where the base is read from. */
    public Source source() {
        return source;
    }

    /** The image reference for registry and docker bases; throws for a tar base. */
    public String reference() {
        if (reference == null) {
            throw new IllegalStateException("a tar:// base image has no reference: " + value);
        }
        return reference.toString();
    }

    /** The archive of a tar base; throws for the other forms. */
    public Path tarFile() {
        if (tarFile == null) {
            throw new IllegalStateException("only a tar:// base image has a file: " + value);
        }
        return tarFile;
    }

    /** Whether reading this base needs no network, so Jib can run in offline mode. */
    public boolean isLocal() {
        return source != Source.REGISTRY;
    }

    ImageReference imageReference() {
        return reference;
    }

    /** The value as the user wrote it (trimmed), which parses back to an equal base image. */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseImage that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
