package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;
import java.util.Locale;

/**
 * One call's hold on one instance slot, and the one place that decides what becomes of that
 * instance when the call ends: {@link #complete} with the call's outcome gives the slot back when
 * the instance answered, and takes the instance out of service and discards it when it timed
 * out, crashed or ran out of memory. The first completion decides; later ones change nothing.
 * Closing a lease that was never completed discards its instance, so no path can leak a slot.
 */
public final class Lease implements AutoCloseable {

    /** How a call ended, as far as its instance is concerned. */
    public enum Outcome {
        /** The function answered. */
        OK(true),
        /** The function, or its host for it, answered with an error; the instance is fine. */
        FUNCTION_ERROR(true),
        /** The call outlived its deadline; the instance may still be busy with it. */
        TIMEOUT(false),
        /** The instance died, closed its connection or broke the protocol during the call. */
        CRASH(false),
        /** The instance ran out of memory during the call. */
        OUT_OF_MEMORY(false);

        private final boolean keepsInstance;

        Outcome(boolean keepsInstance) {
            this.keepsInstance = keepsInstance;
        }

        /** Whether the instance serves again after a call that ended this way. */
        public boolean keepsInstance() {
            return keepsInstance;
        }
    }

    private final FunctionPool pool;
    private final Instance instance;
    private final Connection connection;
    private final boolean coldStart;
    /** Whether the instance is out of service already; guarded by this; never reset. */
    private boolean quarantined;
    /** Set once, by the first completion; guarded by this. */
    private boolean completed;

    Lease(FunctionPool pool, Instance instance, Connection connection, boolean coldStart) {
        this.pool = pool;
        this.instance = instance;
        this.connection = connection;
        this.coldStart = coldStart;
    }

    /** The instance serving the call. */
    public Instance instance() {
        return instance;
    }

    /** The connection to its host, leased to this call alone. */
    public Connection connection() {
        return connection;
    }

    /** Whether the call waited for this instance to start. */
    public boolean coldStart() {
        return coldStart;
    }

    /**
     * Takes the instance out of service now, before the lease is completed, so that none of its
     * other slots goes to a new call while the caller still reads its exit state and last
     * output. A quarantined instance never serves again: whatever outcome completes the lease,
     * the instance is discarded.
     */
    public synchronized void quarantine() {
        if (completed || quarantined) {
            return;
        }
        quarantined = true;
        pool.retire(this);
    }

    /** Completes the lease with the outcome's name as the reason; see the two-argument form. */
    public boolean complete(Outcome outcome) {
        return complete(outcome, outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /**
     * Ends the call: an outcome that keeps the instance gives the slot back to the pool for the
     * next call; any other, or a quarantined instance, discards the instance for {@code reason}
     * (logged). Returns whether this completion decided; false when the lease was completed
     * already.
     */
    public synchronized boolean complete(Outcome outcome, String reason) {
        if (completed) {
            return false;
        }
        completed = true;
        if (outcome.keepsInstance() && !quarantined) {
            pool.release(this);
        } else {
            pool.discard(this, reason);
        }
        return true;
    }

    /** Discards the instance when the lease was never completed (the call failed unexpectedly). */
    @Override
    public void close() {
        complete(Outcome.CRASH, "the call ended without an outcome");
    }
}
