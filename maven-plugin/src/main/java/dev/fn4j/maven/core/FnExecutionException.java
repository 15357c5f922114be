package dev.fn4j.maven.core;

/**
 * The infrastructure failed: the runtime is unreachable or answered with a platform error, the
 * image could not be built, a file could not be read. The cause keeps the underlying exception.
 */
public final class FnExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user and the exception that caused it. */
    public FnExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
