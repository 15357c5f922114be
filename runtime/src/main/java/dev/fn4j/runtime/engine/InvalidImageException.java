package dev.fn4j.runtime.engine;

/** An uploaded file is not an image archive the engine can load. */
public final class InvalidImageException extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }
}
