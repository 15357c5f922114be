package dev.fn4j.runtime.engine;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;

/** An uploaded file is not an image archive the engine can load. */
public final class InvalidImageException extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }

    @Override
    public ApiException toApi() {
        return new ApiException(ErrorCode.INVALID_IMAGE, getMessage(), this);
    }
}
