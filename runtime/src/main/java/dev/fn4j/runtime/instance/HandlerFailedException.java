package dev.fn4j.runtime.instance;

import java.io.IOException;

/**
 * The host reported, in place of its Hello, that the function's handler cannot be loaded or
 * instantiated; the message is the host's report (the cause and the user's first stack lines).
 */
public final class HandlerFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    HandlerFailedException(String report) {
        super(report);
    }
}
