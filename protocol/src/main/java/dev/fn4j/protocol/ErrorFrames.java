package dev.fn4j.protocol;

import java.util.Objects;

/**
 * How a host's error frame is reported to the caller: its error code and message. The runtime's
 * invoker and the fn4j-test kit both report by it, so a unit test sees the error a deployed
 * function gives; the HTTP status of each code is the runtime's (its {@code ErrorCode}).
 */
public final class ErrorFrames {

    /** The code of a FunctionError: the handler threw. */
    public static final String FUNCTION_ERROR = "function_error";

    /** The code of a PlatformError the caller has no better code for: the instance failed. */
    public static final String FUNCTION_CRASHED = "function_crashed";

    private ErrorFrames() {}

    /**
     * An error as reported.
     *
     * @param code the stable error code, for example {@code bad_input}
     * @param message the message in the caller's terms
     */
    public record Reported(String code, String message) {
        public Reported {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A FunctionError: {@code function_error}, {@code Type: message} (only the type when there is no message). */
    public static Reported of(Frame.FunctionError error) {
        String message = error.message().isEmpty() ? error.errorType() : error.errorType() + ": " + error.message();
        return new Reported(FUNCTION_ERROR, message);
    }

    /**
     * A PlatformError of the named function: bad input, bad output and out of memory keep the
     * host's code, anything else is {@code function_crashed}; the message names the function.
     */
    public static Reported of(Frame.PlatformError error, String functionName) {
        String code = switch (error.code()) {
            case Protocol.BAD_INPUT, Protocol.BAD_OUTPUT, Protocol.OUT_OF_MEMORY -> error.code();
            default -> FUNCTION_CRASHED;
        };
        return new Reported(code, "function '" + functionName + "': " + error.message());
    }
}
