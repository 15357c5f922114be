package dev.fn4j.runtime.engine;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ApiFailure;
import dev.fn4j.runtime.error.ErrorCode;

/** The container engine failed an operation. */
public class EngineException extends RuntimeException implements ApiFailure {
    private static final long serialVersionUID = 1L;

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }

    @Override
    public ApiException toApi() {
        return new ApiException(ErrorCode.ENGINE_UNAVAILABLE, "the container engine failed: " + getMessage(), this);
    }
}
