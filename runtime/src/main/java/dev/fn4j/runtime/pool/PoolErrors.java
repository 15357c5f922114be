package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.spec.Durations;
import java.time.Duration;

/** The errors a {@link FunctionPool} answers a call with when it cannot give it a slot. */
final class PoolErrors {

    private PoolErrors() {}

    static ApiException runtimeStopping() {
        return new ApiException(ErrorCode.SHUTTING_DOWN, "the runtime is stopping; retry against a running runtime");
    }

    static ApiException closing(Function current) {
        return new ApiException(
                ErrorCode.SHUTTING_DOWN,
                "function '" + current.name() + "' is being removed or the runtime is" + " stopping; retry later");
    }

    static ApiException queueFull(Function current, int waiting) {
        return ApiException.retryLater(
                ErrorCode.QUEUE_FULL,
                "function '" + current.name() + "' has " + waiting
                        + " calls waiting, its maxQueue; retry later or raise maxQueue"
                        + " or maxInstances",
                retryAfter(current));
    }

    static ApiException noFreeInstance(Function current) {
        return new ApiException(
                ErrorCode.FUNCTION_TIMEOUT,
                "function '" + current.name() + "' had no free instance within its timeout of "
                        + Durations.format(current.spec().timeout())
                        + "; raise maxInstances or concurrency, or the timeout");
    }

    private static Duration retryAfter(Function current) {
        // A queue full of calls clears in about one call's time; never tell a client "0".
        long seconds = Math.max(1, Math.min(60, current.spec().timeout().toSeconds()));
        return Duration.ofSeconds(seconds);
    }
}
