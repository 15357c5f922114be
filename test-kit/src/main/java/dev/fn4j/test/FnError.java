package dev.fn4j.test;

import java.util.Objects;

/**
 * An error as the platform reports it to a caller: the HTTP status, the stable code and the
 * message of its {@code {"error": {"code", "message"}}} body, and for a handler that threw, the
 * exception's class and stack trace.
 *
 * @param status the HTTP status, such as 400 for {@code bad_input}
 * @param code the stable error code, such as {@code bad_input} or {@code function_error}
 * @param message the message, in the caller's terms
 * @param errorType the class of what the handler threw; null for other errors
 * @param stackTrace its printed stack trace; null for other errors
 */
public record FnError(int status, String code, String message, String errorType, String stackTrace) {

    public FnError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@code STATUS CODE: MESSAGE}, as a test failure shows it. */
    @Override
    public String toString() {
        return status + " " + code + ": " + message;
    }
}
