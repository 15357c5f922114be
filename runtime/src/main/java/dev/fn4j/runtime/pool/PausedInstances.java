package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.spec.Durations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The paused instances of one pool: idle instances frozen by the engine instead of removed, so
 * that the next call thaws one in about a tenth of a second rather than starting a container. A
 * paused instance serves no call and uses no CPU, but keeps its memory reserved in
 * {@link Capacity}, which evicts paused instances before any live one. It is removed once paused
 * for {@link Pausing#keep()}, when its revision is replaced, when its pool closes, or when its
 * pause fails. Thread-safe; it never calls into its pool, so a pool may call it under its lock.
 */
final class PausedInstances {

    /**
     * One paused instance.
     *
     * @param since when the pool paused it
     * @param frozen completes once the engine's pause call ended: true when it froze the instance
     */
    record Paused(Instance instance, Instant since, CompletableFuture<Boolean> frozen) {}

    private final Pausing pausing;
    private final Capacity capacity;
    private final Executor engineCalls;
    private final Clock clock;
    /**
     * The paused instances, oldest first; guarded by this. An instance is here from the pool's
     * decision to pause it until it is removed or {@link #take}n to be resumed, never both.
     */
    private final Map<Instance, Paused> paused = new LinkedHashMap<>();

    /** @param engineCalls runs the engine's pause calls, off the pool's lock */
    PausedInstances(Pausing pausing, Capacity capacity, Executor engineCalls, Clock clock) {
        this.pausing = pausing;
        this.capacity = capacity;
        this.engineCalls = engineCalls;
        this.clock = clock;
    }

    /**
     * Takes over an idle instance that left its pool's live instances and pauses it in the
     * background; returns false, taking nothing, when pausing is off, so the caller removes it.
     */
    boolean pause(Instance instance) {
        if (!pausing.enabled()) {
            return false;
        }
        Paused entry = new Paused(instance, clock.instant(), new CompletableFuture<>());
        synchronized (this) {
            paused.put(instance, entry);
        }
        capacity.paused(instance, true);
        try {
            engineCalls.execute(() -> freeze(entry));
        } catch (RejectedExecutionException stopping) {
            entry.frozen().complete(false);
            remove(instance, "the runtime is stopping");
        }
        return true;
    }

    private void freeze(Paused entry) {
        try {
            pausing.freezer().pause(entry.instance());
            entry.frozen().complete(true);
        } catch (RuntimeException e) {
            entry.frozen().complete(false);
            remove(entry.instance(), "pausing it failed: " + e.getMessage());
        }
    }

    /**
     * Takes the most recently paused instance of {@code revision} out of here to be
     * {@link #resume}d, or returns null when there is none.
     */
    synchronized Paused take(long revision) {
        Paused newest = null;
        for (Paused entry : paused.values()) {
            if (entry.instance().function().revision() == revision) {
                newest = entry;
            }
        }
        if (newest != null) {
            paused.remove(newest.instance());
            capacity.paused(newest.instance(), false);
        }
        return newest;
    }

    /**
     * Thaws an instance {@link #take} returned, blocking on the engine (after its pause call, when
     * that still runs). Returns false when it cannot serve again, having removed it then.
     */
    boolean resume(Paused entry) {
        Instance instance = entry.instance();
        if (!entry.frozen().join()) {
            capacity.kill(instance, "pausing it failed");
            return false;
        }
        try {
            pausing.freezer().unpause(instance);
            return true;
        } catch (RuntimeException e) {
            capacity.kill(instance, "resuming it failed: " + e.getMessage());
            return false;
        }
    }

    /** Removes the instance if it is paused here; returns whether it was. */
    boolean remove(Instance instance, String reason) {
        synchronized (this) {
            if (paused.remove(instance) == null) {
                return false;
            }
        }
        capacity.kill(instance, reason);
        return true;
    }

    /** Removes every paused instance of a revision other than {@code revision}. */
    void removeUnless(long revision, String reason) {
        for (Instance instance : instances()) {
            if (instance.function().revision() != revision) {
                remove(instance, reason);
            }
        }
    }

    /** Removes every paused instance. */
    void removeAll(String reason) {
        instances().forEach(instance -> remove(instance, reason));
    }

    /** Removes the instances paused for longer than {@link Pausing#keep()}; returns how many. */
    int expire() {
        Instant cutoff = clock.instant().minus(pausing.keep());
        List<Instance> expired = new ArrayList<>();
        synchronized (this) {
            for (Paused entry : paused.values()) {
                if (entry.since().isBefore(cutoff)) {
                    expired.add(entry.instance());
                }
            }
        }
        String reason = "paused for more than " + Durations.format(pausing.keep());
        expired.removeIf(instance -> !remove(instance, reason));
        return expired.size();
    }

    /** A snapshot of the paused instances, oldest first. */
    synchronized List<Instance> instances() {
        return List.copyOf(paused.keySet());
    }
}
