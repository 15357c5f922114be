package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.limit.RateLimiter;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where every call comes in, synchronous or asynchronous: it finds the function, admits the call
 * by the client's and the function's token buckets, then runs and records a synchronous call or
 * hands an asynchronous one to {@link AsyncInvocations}. Blocks: run it on a worker thread.
 */
public final class Calls {

    private final PoolRegistry pools;
    private final RateLimiter limiter;
    private final CallRunner runner;
    private final AsyncInvocations async;
    private final InvocationRecorder recorder;
    private final Clock clock;

    public Calls(
            PoolRegistry pools,
            RateLimiter limiter,
            CallRunner runner,
            AsyncInvocations async,
            InvocationRecorder recorder,
            Clock clock) {
        this.pools = pools;
        this.limiter = limiter;
        this.runner = runner;
        this.async = async;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Fails with 404 {@code function_not_found} unless the function is deployed; cheap, so a
     * caller can refuse a call before reading its body.
     */
    public void requireDeployed(String function) {
        pool(function);
    }

    /**
     * A synchronous call: admitted, run, and recorded in the background (status, timing, cold
     * start, error; not its bodies) unless it was refused before it ran.
     */
    public InvocationResult call(String client, String function, InvocationRequest request) {
        FunctionPool pool = admit(client, function);
        Function revision = pool.current();
        Instant started = clock.instant();
        try {
            InvocationResult result = runner.run(pool, request);
            recordSucceeded(revision, request, started, result);
            return result;
        } catch (ApiException e) {
            recordFailed(revision, request, started, e);
            throw e;
        }
    }

    /**
     * A synchronous call as {@link #call} makes it, without holding this thread while the call
     * waits for a slot: it then runs on {@code continuation} (see {@link Invoker#invokeAsync}).
     * Completes with the result, or with the {@link ApiException} that {@code call} would throw,
     * a refusal included.
     */
    public CompletableFuture<InvocationResult> callAsync(
            String client, String function, InvocationRequest request, Executor continuation) {
        FunctionPool pool;
        try {
            pool = admit(client, function);
        } catch (ApiException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        Function revision = pool.current();
        Instant started = clock.instant();
        CompletableFuture<InvocationResult> ended = new CompletableFuture<>();
        runner.runAsync(pool, request, continuation).whenComplete((result, error) -> {
            if (error == null) {
                recordSucceeded(revision, request, started, result);
                ended.complete(result);
                return;
            }
            if (error instanceof ApiException e) {
                recordFailed(revision, request, started, e);
            }
            ended.completeExceptionally(error);
        });
        return ended;
    }

    private void recordSucceeded(
            Function revision, InvocationRequest request, Instant started, InvocationResult result) {
        recorder.record(Invocation.sync(
                request.requestId(),
                revision.name(),
                revision.revision(),
                started,
                Outcome.succeeded(
                        clock.instant(), result.coldStart(), null, result.header("content-type"), result.logs()),
                request.method(),
                request.path()));
    }

    /** Records a call that failed once it ran; one refused before it ran is not recorded. */
    private void recordFailed(Function revision, InvocationRequest request, Instant started, ApiException e) {
        if (!CallRunner.REJECTIONS.contains(e.code())) {
            recorder.record(Invocation.sync(
                    request.requestId(),
                    revision.name(),
                    revision.revision(),
                    started,
                    Outcome.failed(clock.instant(), e, CallRunner.logsOf(e)),
                    request.method(),
                    request.path()));
        }
    }

    /**
     * An asynchronous call: admitted, then stored as queued to run later (see
     * {@link AsyncInvocations}); returns it as stored, without its body.
     */
    public Invocation submit(String client, String function, String id, byte[] body, String contentType) {
        return async.submit(admit(client, function), id, body, contentType);
    }

    /**
     * Takes a token from the client's bucket and the function's; past either the call is refused
     * with 429 {@code rate_limited} and counted as a rejection.
     */
    private FunctionPool admit(String client, String function) {
        FunctionPool pool = pool(function);
        Function current = pool.current();
        try {
            limiter.admitClient(client);
            limiter.admitFunction(current.name(), current.spec().rateLimit());
        } catch (ApiException e) {
            runner.rejected(current.name(), e);
            throw e;
        }
        return pool;
    }

    private FunctionPool pool(String function) {
        return pools.get(function).orElseThrow(() -> FunctionRegistry.notFound(function));
    }
}
