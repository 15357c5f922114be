package dev.fn4j.test;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;

/**
 * Turns the host's error frames into the errors the runtime answers for them. Mirrors
 * {@code dev.fn4j.runtime.invoke.Invoker} (which the kit cannot link: the runtime is no test
 * dependency of user projects); PlatformErrorsTest checks the codes and statuses against the
 * runtime's {@code ErrorCode}.
 */
final class PlatformErrors {

    static final String FUNCTION_ERROR = "function_error";
    static final String FUNCTION_CRASHED = "function_crashed";

    private PlatformErrors() {}

    /** The runtime's error for a FunctionError: {@code function_error}, 500, {@code Type: message}. */
    static FnError of(Frame.FunctionError error) {
        String message = error.message().isEmpty() ? error.errorType() : error.errorType() + ": " + error.message();
        return new FnError(500, FUNCTION_ERROR, message, error.errorType(), error.stackTrace());
    }

    /** The runtime's error for a PlatformError of the named function. */
    static FnError of(Frame.PlatformError error, String functionName) {
        String message = "function '" + functionName + "': " + error.message();
        return switch (error.code()) {
            case Protocol.BAD_INPUT -> new FnError(400, Protocol.BAD_INPUT, message, null, null);
            case Protocol.BAD_OUTPUT -> new FnError(502, Protocol.BAD_OUTPUT, message, null, null);
            case Protocol.OUT_OF_MEMORY -> new FnError(502, Protocol.OUT_OF_MEMORY, message, null, null);
            default -> new FnError(502, FUNCTION_CRASHED, message, null, null);
        };
    }
}
