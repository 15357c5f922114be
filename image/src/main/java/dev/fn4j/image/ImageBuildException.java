package dev.fn4j.image;

import java.util.Objects;

/**
 * An image build that failed for a reason the user can act on; the message says what to fix and
 * the cause keeps Jib's original exception for debugging.
 */
public final class ImageBuildException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this was, so callers can react without parsing the message. */
    public enum Reason {
        /** The base image does not exist where the user said it is. */
        BASE_IMAGE_NOT_FOUND,
        /** A registry refused the credentials (or the lack of them). */
        UNAUTHORIZED,
        /** A registry could not be reached or answered with an error. */
        REGISTRY_ERROR,
        /** The local Docker engine (or its CLI) was needed and did not work. */
        DOCKER_ERROR,
        /** Jib's layer cache directory could not be created. */
        CACHE_DIRECTORY,
        /** Reading the inputs or writing the output failed. */
        IO_ERROR,
        /** The building thread was interrupted. */
        INTERRUPTED,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;
    /** The image reference or path the failure is about; never null, may be empty. */
    private final String subject;

    public ImageBuildException(Reason reason, String subject, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.subject = subject == null ? "" : subject;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }

    /** The image reference or path the failure concerns (empty when none applies). */
    public String subject() {
        return subject;
    }
}
