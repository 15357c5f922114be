package dev.fn4j.runtime.store;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ApiFailure;
import dev.fn4j.runtime.error.ErrorCode;

/** The database failed or could not be reached; the message says which operation and why. */
public final class StoreException extends RuntimeException implements ApiFailure {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ApiException toApi() {
        return new ApiException(
                ErrorCode.DATABASE_UNAVAILABLE,
                "the runtime's database failed;" + " retry later, and see the runtime's log (" + getMessage() + ")",
                this);
    }
}
