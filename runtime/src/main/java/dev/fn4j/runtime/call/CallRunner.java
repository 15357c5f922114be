package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.stats.CallCounter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
    /** The dashboard's per-minute statistics, fed here because every call's end passes here. */
    private final CallCounter stats;

    public CallRunner(Invoker invoker, RuntimeMetrics metrics) {
        this(invoker, metrics, CallCounter.NONE);
    }

    public CallRunner(Invoker invoker, RuntimeMetrics metrics, CallCounter stats) {
        this.invoker = invoker;
        this.metrics = metrics;
        this.stats = stats;
    }

    /** Runs the call and counts its outcome; the caller records it. */
    InvocationResult run(FunctionPool pool, InvocationRequest request) {
        String name = pool.current().name();
        long start = System.nanoTime();
        try {
            InvocationResult result = invoker.invoke(pool, request);
            succeeded(name, start, result);
            return result;
        } catch (ApiException e) {
            failed(name, start, e);
            throw e;
        }
    }

    /**
     * Runs the call as {@link #run} does, without holding this thread while it waits for a slot
     * ({@link Invoker#invokeAsync}), and counts its outcome once it ends.
     */
    CompletableFuture<InvocationResult> runAsync(FunctionPool pool, InvocationRequest request, Executor continuation) {
        String name = pool.current().name();
        long start = System.nanoTime();
        CompletableFuture<InvocationResult> ended = new CompletableFuture<>();
        invoker.invokeAsync(pool, request, continuation).whenComplete((result, error) -> {
            if (error == null) {
                succeeded(name, start, result);
                ended.complete(result);
                return;
            }
            if (error instanceof ApiException e) {
                failed(name, start, e);
            }
            ended.completeExceptionally(error);
        });
        return ended;
    }

    private void succeeded(String name, long start, InvocationResult result) {
        long nanos = System.nanoTime() - start;
        metrics.invocation(name, "success", Duration.ofNanos(nanos));
        stats.ran(name, false, result.coldStart(), nanos);
    }

    private void failed(String name, long start, ApiException e) {
        long nanos = System.nanoTime() - start;
        metrics.invocation(name, e.code().code(), Duration.ofNanos(nanos));
        if (REJECTIONS.contains(e.code())) {
            metrics.rejection(name, e.code().code());
            stats.refused(name);
        } else {
            // Whether a failed call waited for a cold start is not known: counted as warm.
            stats.ran(name, true, false, nanos);
        }
    }

    /** Counts a call refused before it ran: over a rate limit, or its queue full. */
    void rejected(String function, ApiException error) {
        metrics.invocation(function, error.code().code(), Duration.ZERO);
        metrics.rejection(function, error.code().code());
        stats.refused(function);
    }

    /** What the function wrote during a call that failed, when the error carries it, else null. */
    static String logsOf(ApiException error) {
        return error.details().get(Invoker.LOGS);
    }
}
