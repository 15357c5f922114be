package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How many asynchronous calls this runtime holds, accepted and not yet ended, per function and
 * in all: a call takes a place before it is stored and gives it back when it ends, so the
 * function's {@code maxBacklog} and the runtime's cap bound what the store holds. Counted in
 * memory (seeded from the store at start-up), so accepting costs no query.
 */
final class Backlog {

    /** Retry-After for a full backlog: long enough for a busy function to drain a good part. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The runtime-wide cap, positive. */
    private final int runtimeCap;
    /** Places held per function; guarded by this; every value positive. */
    private final Map<String, Integer> held = new HashMap<>();
    /** The sum of {@link #held}; guarded by this. */
    private int total;

    Backlog(int runtimeCap) {
        if (runtimeCap < 1) {
            throw new IllegalArgumentException("runtimeCap must be positive: " + runtimeCap);
        }
        this.runtimeCap = runtimeCap;
    }

    /**
     * Takes a place for a call of {@code function}, or refuses it with 429 {@code backlog_full}
     * when the function holds {@code maxBacklog} calls or the runtime its cap.
     */
    synchronized void take(String function, int maxBacklog) {
        int mine = held.getOrDefault(function, 0);
        if (mine >= maxBacklog) {
            throw ApiException.retryLater(
                    ErrorCode.BACKLOG_FULL,
                    "function '" + function + "' already has " + mine + " asynchronous calls waiting or"
                            + " running, its maxBacklog; retry later or raise maxBacklog",
                    RETRY_AFTER);
        }
        if (total >= runtimeCap) {
            throw ApiException.retryLater(
                    ErrorCode.BACKLOG_FULL,
                    "the runtime already holds " + total + " asynchronous calls waiting or running, its"
                            + " --max-backlog; retry later, or ask the operator to raise --max-backlog",
                    RETRY_AFTER);
        }
        add(function, 1);
    }

    /** Adds {@code count} places for calls already stored: recovered or redriven ones. */
    synchronized void add(String function, int count) {
        if (count > 0) {
            held.merge(function, count, Integer::sum);
            total += count;
        }
    }

    /** Replaces every count with the store's: what several runtimes hold together. */
    synchronized void reset(Map<String, Integer> stored) {
        held.clear();
        total = 0;
        stored.forEach(this::add);
    }

    /** Gives back a place: the call ended, or was never stored. */
    synchronized void release(String function) {
        Integer mine = held.get(function);
        if (mine == null) {
            return;
        }
        if (mine <= 1) {
            held.remove(function);
        } else {
            held.put(function, mine - 1);
        }
        total--;
    }

    /** The calls of {@code function} held now. */
    synchronized int of(String function) {
        return held.getOrDefault(function, 0);
    }

    /** The functions holding calls now. */
    synchronized java.util.Set<String> holders() {
        return java.util.Set.copyOf(held.keySet());
    }

    /** The calls held now, every function. */
    synchronized int total() {
        return total;
    }
}
