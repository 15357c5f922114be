package dev.fn4j.api;

/**
 * Writes a function's log lines, each tagged with the invocation's request id so that lines of
 * concurrent invocations can be told apart.
 */
public interface Logger {

    /** Logs a line at information level. */
    void info(String message);

    /** Logs a line at warning level. */
    void warn(String message);

    /** Logs a line at error level, followed by the throwable's stack trace when it is not null. */
    void error(String message, Throwable throwable);

    /** Logs a line at error level. */
    default void error(String message) {
        error(message, null);
    }
}
