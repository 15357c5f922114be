package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.limit.RateLimiter;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import dev.fn4j.runtime.invocation.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The one path every call takes, synchronous or asynchronous: admission by the client's and the
 * function's token buckets, the {@link Invoker}, metrics, and, for synchronous calls, the call's
 * record. Blocks: run it on a worker thread.
 */
public final class Calls {

    /** Errors that refuse a call before it runs: answered at once and not recorded. */
    public static final Set<ErrorCode> REJECTIONS = Set.of(ErrorCode.QUEUE_FULL,
            ErrorCode.RATE_LIMITED, ErrorCode.CAPACITY_EXHAUSTED, ErrorCode.SHUTTING_DOWN);

    private final Invoker invoker;
    private final RateLimiter limiter;
    private final RuntimeMetrics metrics;
    private final InvocationRecorder recorder;
    private final Clock clock;

    public Calls(Invoker invoker, RateLimiter limiter, RuntimeMetrics metrics,
            InvocationRecorder recorder, Clock clock) {
        this.invoker = invoker;
        this.limiter = limiter;
        this.metrics = metrics;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Takes a token from the client's bucket and the function's; past either the call is refused
     * with 429 {@code rate_limited} and counted as a rejection.
     */
    public void admit(String client, FunctionPool pool) {
        Function function = pool.current();
        try {
            limiter.admitClient(client);
            limiter.admitFunction(function.name(), function.spec().rateLimit());
        } catch (ApiException e) {
            rejected(function.name(), e);
            throw e;
        }
    }

    /** Counts a call refused before it ran (for example an asynchronous one over its limit). */
    public void rejected(String function, ApiException error) {
        metrics.invocation(function, error.code().code(), Duration.ZERO);
        metrics.rejection(function, error.code().code());
    }

    /** Runs one admitted call and counts its outcome; the caller records it. */
    public InvocationResult run(FunctionPool pool, InvocationRequest request) {
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

    /**
     * A synchronous call: admitted, run, and recorded in the background (status, timing, cold
     * start, error; not its bodies) unless it was refused before it ran.
     */
    public InvocationResult sync(String client, FunctionPool pool, InvocationRequest request) {
        Function function = pool.current();
        admit(client, pool);
        Instant started = clock.instant();
        try {
            InvocationResult result = run(pool, request);
            recorder.record(Invocation.sync(request.requestId(), function.name(),
                    function.revision(), started, Outcome.succeeded(clock.instant(),
                            result.coldStart(), null, result.header("content-type"),
                            result.logs())));
            return result;
        } catch (ApiException e) {
            if (!REJECTIONS.contains(e.code())) {
                recorder.record(Invocation.sync(request.requestId(), function.name(),
                        function.revision(), started,
                        Outcome.failed(clock.instant(), e, logsOf(e))));
            }
            throw e;
        }
    }

    /** What the function wrote during a call that failed, when the error carries it, else null. */
    public static String logsOf(ApiException error) {
        return error.details().get(Invoker.LOGS);
    }
}
