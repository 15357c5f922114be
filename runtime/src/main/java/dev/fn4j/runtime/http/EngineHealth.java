package dev.fn4j.runtime.http;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The engine's health as last checked, so that {@code /healthz} answers from memory on an IO
 * thread however busy the workers are: a read older than {@code maxAgeNanos} starts one check on
 * the control plane's executor and answers with the last state meanwhile. {@link #checkNow()}
 * asks the engine itself, for the deeper readiness check. Thread-safe.
 */
final class EngineHealth {

    /** One check's outcome: whether the engine answered, why not, and when (nanoTime). */
    record State(boolean up, String error, long checkedAt) {}

    private final ApiServer.EngineCheck engine;
    private final Executor checker;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** The newest check's outcome; never null after construction. */
    private volatile State state;
    /** Whether a background check is queued or running; at most one is. */
    private final AtomicBoolean checking = new AtomicBoolean();

    EngineHealth(ApiServer.EngineCheck engine, Executor checker, long maxAgeNanos, LongSupplier nanoTime) {
        if (maxAgeNanos <= 0) {
            throw new IllegalArgumentException("maxAgeNanos must be positive: " + maxAgeNanos);
        }
        this.engine = engine;
        this.checker = checker;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
        // Until the first check ends, the engine counts as up: the runtime pinged it to start.
        this.state = new State(true, null, nanoTime.getAsLong() - 2 * maxAgeNanos);
    }

    /** The last known state, never blocking; starts a background check when it is stale. */
    State last() {
        State now = state;
        if (nanoTime.getAsLong() - now.checkedAt() >= maxAgeNanos && checking.compareAndSet(false, true)) {
            try {
                checker.execute(() -> {
                    try {
                        checkNow();
                    } finally {
                        checking.set(false);
                    }
                });
            } catch (RuntimeException rejected) {
                checking.set(false);
            }
        }
        return now;
    }

    /** Asks the engine now (blocks) and remembers the answer. */
    State checkNow() {
        State checked;
        try {
            engine.ping();
            checked = new State(true, null, nanoTime.getAsLong());
        } catch (RuntimeException e) {
            // The check throws only to say the engine does not answer, and why.
            checked = new State(false, e.getMessage(), nanoTime.getAsLong());
        }
        state = checked;
        return checked;
    }
}
