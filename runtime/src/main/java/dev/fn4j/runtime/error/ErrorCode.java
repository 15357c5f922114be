package dev.fn4j.runtime.error;

/**
 * Every error a caller of the runtime can see: a stable code, sent as {@code error.code}, and its
 * HTTP status. Codes never change meaning once released; docs/api.md lists them.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    INVALID_JSON(400),
    INVALID_NAME(400),
    INVALID_SPEC(400),
    INVALID_IMAGE(400),
    IMAGE_NOT_FOUND(400),
    UNKNOWN_HANDLER(400),
    BAD_INPUT(400),
    INVALID_ID(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    KEY_NOT_FOUND(404),
    FUNCTION_NOT_FOUND(404),
    INVOCATION_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    LAST_ADMIN_KEY(409),
    LAYERS_MISSING(409),
    PAYLOAD_TOO_LARGE(413),
    QUEUE_FULL(429),
    RATE_LIMITED(429),
    FUNCTION_ERROR(500),
    INTERNAL_ERROR(500),
    FUNCTION_CRASHED(502),
    OUT_OF_MEMORY(502),
    BAD_OUTPUT(502),
    START_FAILED(502),
    HANDLER_FAILED(502),
    ENGINE_UNAVAILABLE(503),
    SHUTTING_DOWN(503),
    CAPACITY_EXHAUSTED(503),
    DATABASE_UNAVAILABLE(503),
    FUNCTION_TIMEOUT(504),
    BACKLOG_FULL(429),
    NOT_DEAD_LETTERED(409),
    CALLBACK_NOT_ALLOWED(400),
    INVALID_WINDOW(400),
    BAD_ARCHIVE(400),
    BAD_SOURCE(400),
    BUILD_FAILED(500),
    BUILD_NOT_FOUND(404);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status this error is answered with. */
    public int status() {
        return status;
    }

    /** The code as sent on the wire, for example {@code function_timeout}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
