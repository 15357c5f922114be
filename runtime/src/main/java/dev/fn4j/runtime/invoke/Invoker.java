package dev.fn4j.runtime.invoke;

import dev.fn4j.protocol.ErrorFrames;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.InstanceInspector;
import dev.fn4j.runtime.pool.DeadlineTimer;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.Lease;
import dev.fn4j.spec.Durations;
import dev.fn4j.spec.MemorySize;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one call on a function: takes a slot from its pool, sends the call, and turns whatever
 * happens (an answer, a thrown exception, a timeout, a crash) into a result or a designed error,
 * either carrying the call's logs, and into the {@link Lease.Outcome} that completes the call's
 * lease, which decides whether the instance serves again. {@link #invoke} blocks;
 * {@link #invokeAsync} holds no thread while the call waits for a slot or for its answer.
 */
public final class Invoker {

    /** The detail of an {@link ApiException} that holds the call's logs, when there are any. */
    public static final String LOGS = "logs";

    private final InstanceInspector inspector;
    private final DeadlineTimer timer;
    private final Clock clock;
    /** Receives each call's lines while it runs. */
    private final LiveOutput live;
    /** Runs a failed call's end (it reads the engine), and calls handed a slot off a trampoline. */
    private final Executor blocking;
    /** Runs a call's end, then the waiting call it handed its slot to, on the thread of the answer. */
    private final Trampoline answers;

    public Invoker(InstanceInspector inspector, DeadlineTimer timer, Clock clock) {
        this(inspector, timer, clock, LiveOutput.NONE);
    }

    /** An invoker that handles a failed call on the thread the failure is seen on: for tests. */
    public Invoker(InstanceInspector inspector, DeadlineTimer timer, Clock clock, LiveOutput live) {
        this(inspector, timer, clock, live, Runnable::run);
    }

    /**
     * @param blocking runs what must not run where an answer arrives: a timed-out or crashed call's
     *     end, which reads the instance's state from the engine, and a waiting call handed a slot
     *     while no call ends on that thread
     */
    public Invoker(InstanceInspector inspector, DeadlineTimer timer, Clock clock, LiveOutput live, Executor blocking) {
        this.inspector = inspector;
        this.timer = timer;
        this.clock = clock;
        this.live = live;
        this.blocking = blocking;
        this.answers = new Trampoline(blocking);
    }

    /**
     * Runs one call on an instance of {@code pool}'s function: waits for a slot, sends the call,
     * waits for its end. Blocks: for callers with a thread to spare (asynchronous invocations,
     * streamed calls).
     *
     * @throws ApiException the designed error of a call that could not run or did not answer
     */
    public InvocationResult invoke(FunctionPool pool, InvocationRequest request) {
        Instant admitted = clock.instant();
        Duration timeout = pool.current().spec().timeout();
        CompletableFuture<InvocationResult> ended = new CompletableFuture<>();
        call(await(pool.acquire(admitted.plus(timeout))), request, admitted, timeout, ended);
        return awaitEnd(ended);
    }

    /**
     * Runs the call as {@link #invoke} does, without holding the calling thread: with a slot free
     * it is sent at once from this thread; else it is sent on {@code continuation} once a slot is
     * handed to it ({@link Trampoline} runs it on the thread that freed the slot). Completes with
     * the result, or with the {@link ApiException} that {@code invoke} would throw, on the thread
     * that sees the answer (the host connections' selector) or, after a failure, a worker.
     */
    public CompletableFuture<InvocationResult> invokeAsync(
            FunctionPool pool, InvocationRequest request, Executor continuation) {
        Instant admitted = clock.instant();
        Duration timeout = pool.current().spec().timeout();
        CompletableFuture<Lease> slot = pool.acquire(admitted.plus(timeout));
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        if (slot.isDone()) {
            callWith(slot, request, admitted, timeout, result);
            return result;
        }
        // Runs where the slot was handed over, under the pool's lock: only hand the call on.
        slot.whenComplete((lease, error) -> {
            try {
                continuation.execute(() -> callWith(slot, request, admitted, timeout, result));
            } catch (RejectedExecutionException stopping) {
                if (lease != null) {
                    // The call never ran on the instance, which stays sound: its slot goes back.
                    lease.complete(Lease.Outcome.OK, "call not run: the runtime is stopping");
                }
                result.completeExceptionally(stopping(stopping));
            }
        });
        return result;
    }

    /** Sends the call on the slot once it is handed over; a failed hand-over fails the call. */
    private void callWith(
            CompletableFuture<Lease> slot,
            InvocationRequest request,
            Instant admitted,
            Duration timeout,
            CompletableFuture<InvocationResult> ended) {
        Lease lease;
        try {
            lease = await(slot);
        } catch (RuntimeException e) {
            ended.completeExceptionally(e);
            return;
        }
        call(lease, request, admitted, timeout, ended);
    }

    /**
     * Sends the call on {@code lease}'s connection under its deadline; completes {@code ended} once
     * it has ended, its lease completed and closed, with its result or its designed error.
     */
    private void call(
            Lease lease,
            InvocationRequest request,
            Instant admitted,
            Duration timeout,
            CompletableFuture<InvocationResult> ended) {
        // Queued time counts against the deadline; waiting for one's own cold start does not.
        Instant deadline = lease.coldStart() ? clock.instant().plus(timeout) : admitted.plus(timeout);
        // Set once, by whichever comes first: the deadline, or the call's end.
        AtomicBoolean settled = new AtomicBoolean();
        // The deadline only closes the connection, which fails the call at once; its end then
        // quarantines the instance, reads its last output and completes the lease.
        Runnable cancel = timer.schedule(deadline, () -> {
            if (settled.compareAndSet(false, true)) {
                lease.connection().close();
            }
        });
        CompletableFuture<Connection.Answer> answer;
        try {
            answer = lease.connection()
                    .callAsync(
                            new Frame.Invoke(
                                    request.requestId(), deadline.toEpochMilli(), request.headers(), request.body()),
                            live.open(request.requestId()));
        } catch (RuntimeException e) {
            cancel.run();
            lease.close();
            ended.completeExceptionally(e);
            return;
        }
        // Inside the trampoline: the call this one's end hands its slot to runs next, here.
        answer.whenComplete((reply, failure) -> answers.run(() -> {
            cancel.run();
            if (!settled.compareAndSet(false, true)) {
                offThread(() -> end(lease, ended, () -> {
                    throw timedOut(lease, request.requestId(), timeout);
                }));
            } else if (failure != null) {
                IOException cause = failure instanceof IOException io ? io : new IOException(failure);
                offThread(() -> end(lease, ended, () -> {
                    throw crashed(lease, cause);
                }));
            } else {
                end(lease, ended, () -> answered(lease, reply, admitted));
            }
        }));
    }

    /** Runs {@code task} on {@link #blocking}; here when it refuses, stopping, so that the call still ends. */
    private void offThread(Runnable task) {
        try {
            blocking.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    /** Completes {@code ended} with what {@code outcome} gives or throws, once the lease is closed. */
    private static void end(
            Lease lease, CompletableFuture<InvocationResult> ended, Supplier<InvocationResult> outcome) {
        InvocationResult result;
        try (lease) {
            result = outcome.get();
        } catch (RuntimeException e) {
            ended.completeExceptionally(e);
            return;
        }
        ended.complete(result);
    }

    private static Lease await(CompletableFuture<Lease> slot) {
        try {
            return slot.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(
                    ErrorCode.INTERNAL_ERROR, "acquiring an instance failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping(e);
        }
    }

    /** The call's result, or what it ended with thrown as it was, as a call made on this thread would. */
    private static InvocationResult awaitEnd(CompletableFuture<InvocationResult> ended) {
        try {
            return ended.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a call ended with " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping(e);
        }
    }

    private static ApiException stopping(Exception cause) {
        return new ApiException(ErrorCode.SHUTTING_DOWN, "the runtime is stopping", cause);
    }

    private InvocationResult answered(Lease lease, Connection.Answer answer, Instant admitted) {
        String name = lease.instance().function().name();
        Frame frame = answer.frame();
        String logs = answer.logs();
        if (frame instanceof Frame.Result result) {
            lease.complete(Lease.Outcome.OK);
            String status = statusOf(result);
            if (AnswerStatus.parse(status) < 0) {
                // The instance is sound; only this answer cannot be sent.
                throw error(ErrorCode.BAD_OUTPUT, AnswerStatus.problem(name, status), Map.of(), logs);
            }
            return new InvocationResult(
                    lease.coldStart(),
                    lease.instance().id(),
                    result.headers(),
                    result.body(),
                    Duration.between(admitted, clock.instant()),
                    logs);
        }
        if (frame instanceof Frame.FunctionError error) {
            lease.complete(Lease.Outcome.FUNCTION_ERROR);
            throw error(
                    ErrorCode.FUNCTION_ERROR,
                    ErrorFrames.of(error).message(),
                    Map.of("errorType", error.errorType(), "stackTrace", error.stackTrace()),
                    logs);
        }
        if (frame instanceof Frame.PlatformError error) {
            lease.complete(
                    !error.fatal()
                            ? Lease.Outcome.FUNCTION_ERROR
                            : Protocol.OUT_OF_MEMORY.equals(error.code())
                                    ? Lease.Outcome.OUT_OF_MEMORY
                                    : Lease.Outcome.CRASH,
                    "host reported fatal " + error.code());
            ErrorFrames.Reported reported = ErrorFrames.of(error, name);
            throw error(platformCode(reported.code()), reported.message(), Map.of(), logs);
        }
        lease.complete(Lease.Outcome.CRASH, "host answered with frame type " + frame.type());
        throw error(
                ErrorCode.FUNCTION_CRASHED,
                "the instance of function '" + name + "' broke the protocol (frame type " + frame.type()
                        + ") and was stopped",
                Map.of(),
                logs);
    }

    private static String statusOf(Frame.Result result) {
        for (Frame.Header header : result.headers()) {
            if (header.name().equals(Protocol.STATUS)) {
                return header.value();
            }
        }
        return null;
    }

    /** The error, with the logs as its {@link #LOGS} detail when there are any. */
    private static ApiException error(ErrorCode code, String message, Map<String, String> details, String logs) {
        if (logs.isEmpty()) {
            return new ApiException(code, message, details, null);
        }
        Map<String, String> withLogs = new LinkedHashMap<>(details);
        withLogs.put(LOGS, logs);
        return new ApiException(code, message, withLogs, null);
    }

    /** The runtime's error code of a code {@link ErrorFrames} reported. */
    private static ErrorCode platformCode(String code) {
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        return ErrorCode.FUNCTION_CRASHED;
    }

    /** Discards the instance of a call past its deadline, keeping its last output first. */
    private ApiException timedOut(Lease lease, String requestId, Duration timeout) {
        Function function = lease.instance().function();
        lease.quarantine();
        String logs = inspector.lastOutput(lease.instance());
        lease.complete(Lease.Outcome.TIMEOUT, "call " + requestId + " timed out after " + Durations.format(timeout));
        return error(
                ErrorCode.FUNCTION_TIMEOUT,
                "function '" + function.name()
                        + "' did not answer within its timeout of " + Durations.format(timeout)
                        + "; its instance was stopped. Make it faster or raise \"timeout\"",
                Map.of(),
                logs);
    }

    private ApiException crashed(Lease lease, IOException cause) {
        Function function = lease.instance().function();
        String killedBy = lease.instance().deathReason();
        lease.quarantine();
        // Read how it ended and its last output before its container is removed.
        InstanceInspector.Death death = inspector.death(lease.instance(), killedBy);
        String logs = inspector.lastOutput(lease.instance());
        lease.complete(
                death.outOfMemory() ? Lease.Outcome.OUT_OF_MEMORY : Lease.Outcome.CRASH,
                "crashed during call: " + cause.getMessage());
        if (death.outOfMemory()) {
            return error(
                    ErrorCode.OUT_OF_MEMORY,
                    "function '" + function.name()
                            + "' ran out of memory (limit "
                            + MemorySize.format(function.spec().memoryBytes())
                            + ") and its instance was stopped; raise \"memory\" or use less",
                    Map.of(),
                    logs);
        }
        return error(
                ErrorCode.FUNCTION_CRASHED,
                "the instance of function '" + function.name() + "' " + death.how() + " during the call",
                Map.of(),
                logs);
    }
}
