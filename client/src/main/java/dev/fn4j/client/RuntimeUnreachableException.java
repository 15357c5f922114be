package dev.fn4j.client;

import java.net.URI;

/**
 * No answer came from the runtime: the connection was refused, the host is unknown, or the
 * connection or the answer timed out. {@link #uri()} is the address that was tried and
 * {@link #reason()} says what happened, in words fit for a person, for example
 * {@code Connection refused}.
 */
public final class RuntimeUnreachableException extends RuntimeClientException {
    private static final long serialVersionUID = 1L;

    private final URI uri;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param uri the address that was tried
     * @param reason what happened, for example {@code Connection refused}
     * @param cause the underlying exception
     */
    public RuntimeUnreachableException(URI uri, String reason, Throwable cause) {
        super("Cannot reach the fn4j runtime at " + uri + ": " + reason, cause);
        this.uri = uri;
        this.reason = reason;
    }

    /** The address that was tried. */
    public URI uri() {
        return uri;
    }

    /** What happened, for example {@code Connection refused} or {@code Unknown host nohost}. */
    public String reason() {
        return reason;
    }
}
