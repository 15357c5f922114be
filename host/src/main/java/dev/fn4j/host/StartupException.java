package dev.fn4j.host;

/** The host cannot start; the message is the one line printed to stderr before exiting. */
final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    StartupException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    StartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code, one of {@link Exit}'s constants. */
    int exitCode() {
        return exitCode;
    }
}
