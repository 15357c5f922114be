package dev.fn4j.test;

import dev.fn4j.protocol.ErrorFrames;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;

/**
 * Turns the host's error frames into the errors the runtime answers for them: the code and message
 * by {@link ErrorFrames}, as the runtime's invoker does; the status of each code mirrors the
 * runtime's {@code ErrorCode} (the runtime is no test dependency of user projects), which
 * PlatformErrorsTest checks.
 */
final class PlatformErrors {

    private PlatformErrors() {}

    /** The runtime's error for a FunctionError: {@code function_error}, 500, {@code Type: message}. */
    static FnError of(Frame.FunctionError error) {
        ErrorFrames.Reported reported = ErrorFrames.of(error);
        return new FnError(
                status(reported.code()), reported.code(), reported.message(), error.errorType(), error.stackTrace());
    }

    /** The runtime's error for a PlatformError of the named function. */
    static FnError of(Frame.PlatformError error, String functionName) {
        ErrorFrames.Reported reported = ErrorFrames.of(error, functionName);
        return new FnError(status(reported.code()), reported.code(), reported.message(), null, null);
    }

    /** The HTTP status the runtime answers a reported code with. */
    private static int status(String code) {
        return switch (code) {
            case Protocol.BAD_INPUT -> 400;
            case ErrorFrames.FUNCTION_ERROR -> 500;
            default -> 502;
        };
    }
}
