package dev.fn4j.client;

/**
 * The runtime answered with a status outside 2xx. The error's {@link #code() code} and
 * {@link #errorMessage() message} come from the runtime's {@code {"error": {"code", "message"}}}
 * body; for a body that is not such JSON (a proxy's error page, say) the code is
 * {@code http_<status>} and the message is the start of the body.
 */
public final class RuntimeApiException extends RuntimeClientException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String errorMessage;
    private final String errorType;
    private final String stackTrace;
    private final String requestId;
    private final String retryAfter;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, for example 404
     * @param code the runtime's error code, for example {@code function_not_found}
     * @param errorMessage the runtime's message, meant for people
     * @param errorType the thrown exception's class name for {@code function_error}, else null
     * @param stackTrace the function's stack trace for {@code function_error}, else null
     * @param requestId the {@code Fn-Request-Id} response header, or null when absent
     * @param retryAfter the {@code Retry-After} response header, or null when absent
     */
    public RuntimeApiException(
            int status,
            String code,
            String errorMessage,
            String errorType,
            String stackTrace,
            String requestId,
            String retryAfter) {
        super(code + ": " + errorMessage + " (HTTP " + status + ")");
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.errorType = errorType;
        this.stackTrace = stackTrace;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status the runtime answered with. */
    public int status() {
        return status;
    }

    /** The runtime's stable error code, for example {@code function_error}; never null. */
    public String code() {
        return code;
    }

    /** The runtime's error message; never null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** For a {@code function_error}, the class name of what the handler threw; otherwise null. */
    public String errorType() {
        return errorType;
    }

    /** For a {@code function_error}, the handler's stack trace when the runtime sent it. */
    public String stackTrace() {
        return stackTrace;
    }

    /** The request id the runtime gave this call, or null when it sent none. */
    public String requestId() {
        return requestId;
    }

    /** The {@code Retry-After} header of a {@code 429} or {@code 503}, or null. */
    public String retryAfter() {
        return retryAfter;
    }
}
