package dev.fn4j.runtime.error;

import java.util.Map;
import java.util.Objects;

/**
 * An error to answer a caller with: its {@link ErrorCode}, a message that says what to fix, and
 * optional extra fields for the error object (for example a function error's type).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, String> details;
    /** How long the caller should wait before retrying, or null when retrying won't help soon. */
    private final java.time.Duration retryAfter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public ApiException(ErrorCode code, String message, Map<String, String> details, Throwable cause) {
        this(code, message, details, cause, null);
    }

    private ApiException(
            ErrorCode code,
            String message,
            Map<String, String> details,
            Throwable cause,
            java.time.Duration retryAfter) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** An error that tells the caller to retry after the given time ({@code Retry-After}). */
    public static ApiException retryLater(ErrorCode code, String message, java.time.Duration retryAfter) {
        return new ApiException(code, message, Map.of(), null, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** The {@code Retry-After} to send, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra string fields of the error object, beside {@code code} and {@code message}. */
    public Map<String, String> details() {
        return details;
    }
}
