package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.FunctionPool;
import java.time.Duration;
import java.util.Set;

/**
 * Runs one admitted call, synchronous or asynchronous, through the {@link Invoker} and counts it:
 * its outcome and latency, and, when it was refused before it ran, the rejection. Blocks: run it
 * on a worker thread.
 */
public final class CallRunner {

    /** Errors that refuse a call before it runs: answered at once and not recorded. */
    static final Set<ErrorCode> REJECTIONS =
            Set.of(ErrorCode.QUEUE_FULL, ErrorCode.RATE_LIMITED, ErrorCode.CAPACITY_EXHAUSTED, ErrorCode.SHUTTING_DOWN);

    private final Invoker invoker;
    private final RuntimeMetrics metrics;

    public CallRunner(Invoker invoker, RuntimeMetrics metrics) {
        this.invoker = invoker;
        this.metrics = metrics;
    }

    /** Runs the call and counts its outcome; the caller records it. */
    InvocationResult run(FunctionPool pool, InvocationRequest request) {
        String name = pool.current().name();
        long start = System.nanoTime();
        try {
            InvocationResult result = invoker.invoke(pool, request);
            metrics.invocation(name, "success", Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (ApiException e) {
            metrics.invocation(name, e.code().code(), Duration.ofNanos(System.nanoTime() - start));
            if (REJECTIONS.contains(e.code())) {
                metrics.rejection(name, e.code().code());
            }
            throw e;
        }
    }

    /** Counts a call refused before it ran: over a rate limit, or its queue full. */
    void rejected(String function, ApiException error) {
        metrics.invocation(function, error.code().code(), Duration.ZERO);
        metrics.rejection(function, error.code().code());
    }

    /** What the function wrote during a call that failed, when the error carries it, else null. */
    static String logsOf(ApiException error) {
        return error.details().get(Invoker.LOGS);
    }
}
