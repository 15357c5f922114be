package dev.fn4j.maven.core;

/**
 * The user's settings or function are at fault: a bad value, a missing handler, a function that
 * threw. The message names the setting and value and says how to fix it.
 */
public final class FnFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public FnFailureException(String message) {
        super(message);
    }

    /** An exception with a message for the user and the exception that caused it. */
    public FnFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
