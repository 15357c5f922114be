package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many asynchronous calls this runtime holds, accepted and not yet ended, per function and
 * in all: a call takes a place before it is stored and gives it back when it ends, so the
 * function's {@code maxBacklog} and the runtime's cap bound what the store holds. Counted in
 * memory (seeded from the store at start-up), so accepting costs no query.
 *
 * <p>Where runtimes share a store, {@link #reset} replaces the counts with the store's. A call
 * between taking its place and its insert's commit, or between its end's commit and giving its
 * place back, may or may not be in what the store said; {@code reset} counts both kinds once
 * more, so that a count is only ever too high until the next reset (a call refused early),
 * never too low (a call admitted past a bound).
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
    /** Places taken whose insert has not reported back yet, per function; guarded by this; values positive. */
    private final Map<String, Integer> storing = new HashMap<>();
    /** Calls whose end is being stored and whose place is not given back yet; guarded by this; values positive. */
    private final Map<String, Integer> ending = new HashMap<>();

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
        storing.merge(function, 1, Integer::sum);
    }

    /** The call {@link #take} made room for is stored: its place stays until it ends. */
    synchronized void stored(String function) {
        decrement(storing, function);
    }

    /** The call {@link #take} made room for was never stored: its place is given back. */
    synchronized void unstored(String function) {
        decrement(storing, function);
        release(function);
    }

    /** A call's end is about to be stored; {@link #ended} follows, whether that worked or not. */
    synchronized void ending(String function) {
        ending.merge(function, 1, Integer::sum);
    }

    /** The end {@link #ending} announced is stored ({@code released}: its place is given back) or failed. */
    synchronized void ended(String function, boolean released) {
        decrement(ending, function);
        if (released) {
            release(function);
        }
    }

    /** Adds {@code count} places for calls already stored: recovered or redriven ones. */
    synchronized void add(String function, int count) {
        if (count > 0) {
            held.merge(function, count, Integer::sum);
            total += count;
        }
    }

    /**
     * Replaces every count with the store's, what several runtimes hold together, plus the calls
     * being stored or ended here, which the store may not have counted yet (or any more).
     */
    synchronized void reset(Map<String, Integer> stored) {
        held.clear();
        total = 0;
        stored.forEach(this::add);
        storing.forEach(this::add);
        ending.forEach(this::add);
    }

    /** Gives back a place: the call ended, or was never stored; the caller holds this. */
    private void release(String function) {
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

    private static void decrement(Map<String, Integer> counts, String function) {
        counts.computeIfPresent(function, (name, count) -> count <= 1 ? null : count - 1);
    }

    /** The calls of {@code function} held now. */
    synchronized int of(String function) {
        return held.getOrDefault(function, 0);
    }

    /** The functions holding calls now. */
    synchronized Set<String> holders() {
        return Set.copyOf(held.keySet());
    }

    /** The calls held now, every function. */
    synchronized int total() {
        return total;
    }
}
