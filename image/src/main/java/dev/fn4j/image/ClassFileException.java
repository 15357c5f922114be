package dev.fn4j.image;

import java.io.IOException;

/**
 * A class file that could not be parsed; names the file (or jar entry) so the user can find it.
 */
public final class ClassFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The class file path or {@code jar!/entry} that is malformed. */
    private final String source;

    public ClassFileException(String source, String problem, Throwable cause) {
        super("cannot read class file " + source + ": " + problem, cause);
        this.source = source;
    }

    /** The class file path or {@code jar!/entry} that is malformed. */
    public String source() {
        return source;
    }
}
