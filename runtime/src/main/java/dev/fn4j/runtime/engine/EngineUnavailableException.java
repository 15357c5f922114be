package dev.fn4j.runtime.engine;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;

/** The container engine does not answer at all. */
public final class EngineUnavailableException extends EngineException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ApiException toApi() {
        return new ApiException(
                ErrorCode.ENGINE_UNAVAILABLE, "the container engine is unavailable: " + getMessage(), this);
    }
}
