package dev.fn4j.runtime.invoke;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.Quantities;
import dev.fn4j.runtime.pool.DeadlineTimer;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.Lease;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one call on a function: takes a slot from its pool, sends the call, and turns whatever
 * happens (an answer, a thrown exception, a timeout, a crash) into a result or a designed error.
 * An instance that timed out, crashed or ran out of memory is discarded, never reused. Blocks:
 * run it on a worker thread.
 */
public final class Invoker {

    /** How long a crashed container may take to show its final state. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final ContainerEngine engine;
    private final DeadlineTimer timer;
    private final Clock clock;

    public Invoker(ContainerEngine engine, DeadlineTimer timer, Clock clock) {
        this.engine = engine;
        this.timer = timer;
        this.clock = clock;
    }

    public InvocationResult invoke(FunctionPool pool, InvocationRequest request) {
        Instant admitted = clock.instant();
        Function function = pool.current();
        Duration timeout = function.spec().timeout();
        Lease lease = await(pool, admitted.plus(timeout));
        // Queued time counts against the deadline; waiting for one's own cold start does not.
        Instant deadline = lease.coldStart() ? clock.instant().plus(timeout) : admitted.plus(timeout);
        AtomicBoolean timedOut = new AtomicBoolean();
        Runnable cancel = timer.schedule(deadline, () -> {
            timedOut.set(true);
            pool.discard(lease, "call " + request.requestId() + " timed out after "
                    + Quantities.formatDuration(timeout));
        });
        Frame answer;
        try {
            answer = lease.connection().call(new Frame.Invoke(request.requestId(),
                    deadline.toEpochMilli(), request.headers(), request.body()));
        } catch (IOException e) {
            cancel.run();
            if (timedOut.get()) {
                throw timeout(lease.instance().function(), timeout);
            }
            throw crashed(pool, lease, e);
        }
        cancel.run();
        if (timedOut.get()) {
            throw timeout(lease.instance().function(), timeout);
        }
        return answered(pool, lease, answer, admitted);
    }

    private static Lease await(FunctionPool pool, Instant deadline) {
        try {
            return pool.acquire(deadline).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "acquiring an instance failed: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SHUTTING_DOWN, "the runtime is stopping");
        }
    }

    private InvocationResult answered(FunctionPool pool, Lease lease, Frame answer,
            Instant admitted) {
        String name = lease.instance().function().name();
        if (answer instanceof Frame.Result result) {
            pool.release(lease);
            return new InvocationResult(lease.coldStart(), lease.instance().id(),
                    result.headers(), result.body(), Duration.between(admitted, clock.instant()));
        }
        if (answer instanceof Frame.FunctionError error) {
            pool.release(lease);
            String message = error.message().isEmpty()
                    ? error.errorType() : error.errorType() + ": " + error.message();
            throw new ApiException(ErrorCode.FUNCTION_ERROR, message, Map.of(
                    "errorType", error.errorType(), "stackTrace", error.stackTrace()), null);
        }
        if (answer instanceof Frame.PlatformError error) {
            if (error.fatal()) {
                pool.discard(lease, "host reported fatal " + error.code());
            } else {
                pool.release(lease);
            }
            throw new ApiException(platformCode(error.code()),
                    "function '" + name + "': " + error.message());
        }
        pool.discard(lease, "host answered with frame type " + answer.type());
        throw new ApiException(ErrorCode.FUNCTION_CRASHED, "the instance of function '" + name
                + "' broke the protocol (frame type " + answer.type() + ") and was stopped");
    }

    private static ErrorCode platformCode(String code) {
        return switch (code) {
            case Protocol.BAD_INPUT -> ErrorCode.BAD_INPUT;
            case Protocol.OUT_OF_MEMORY -> ErrorCode.OUT_OF_MEMORY;
            case Protocol.BAD_OUTPUT -> ErrorCode.BAD_OUTPUT;
            default -> ErrorCode.FUNCTION_CRASHED;
        };
    }

    private static ApiException timeout(Function function, Duration timeout) {
        return new ApiException(ErrorCode.FUNCTION_TIMEOUT, "function '" + function.name()
                + "' did not answer within its timeout of " + Quantities.formatDuration(timeout)
                + "; its instance was stopped. Make it faster or raise \"timeout\"");
    }

    private ApiException crashed(FunctionPool pool, Lease lease, IOException cause) {
        Function function = lease.instance().function();
        String killedBy = lease.instance().deathReason();
        // Read the exit state before the container is removed.
        ContainerState state = null;
        if (killedBy == null) {
            try {
                state = engine.awaitStopped(lease.instance().containerId(), EXIT_GRACE);
            } catch (EngineException e) {
                state = null;
            }
        }
        pool.discard(lease, "crashed during call: " + cause.getMessage());
        if (state != null && state.oomKilled()) {
            return new ApiException(ErrorCode.OUT_OF_MEMORY, "function '" + function.name()
                    + "' ran out of memory (limit "
                    + Quantities.formatMemory(function.spec().memoryBytes())
                    + ") and its instance was stopped; raise \"memory\" or use less");
        }
        String how = killedBy != null ? "was stopped (" + killedBy + ")"
                : state == null ? "disappeared"
                : state.running() ? "closed its connection" : "exited with code " + state.exitCode();
        return new ApiException(ErrorCode.FUNCTION_CRASHED, "the instance of function '"
                + function.name() + "' " + how + " during the call");
    }
}
