package dev.fn4j.runtime.store;

/** The database failed or could not be reached; the message says which operation and why. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
