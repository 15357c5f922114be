package dev.fn4j.runtime.engine;

/** The container engine does not answer at all. */
public final class EngineUnavailableException extends EngineException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
