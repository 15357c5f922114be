package dev.fn4j.client;

/**
 * A call to the fn4j runtime did not give the expected answer: the runtime answered with an
 * error ({@link RuntimeApiException}), could not be reached ({@link RuntimeUnreachableException}),
 * or answered something this client cannot read.
 */
public class RuntimeClientException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message only. */
    public RuntimeClientException(String message) {
        super(message);
    }

    /** An exception with a message and the exception that caused it. */
    public RuntimeClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
