package dev.fn4j.runtime.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where per-minute call statistics are kept. Adding is additive: several runtimes sharing one
 * database each add their own counts to the same function and minute. Every method blocks.
 */
public interface StatsStore {

    /** Adds each count to what is stored for its function and minute, in one transaction. */
    void add(List<MinuteCount> counts);

    /** The function's stored minutes from {@code from} (inclusive) to {@code to} (exclusive). */
    List<MinuteCount> minutes(String function, Instant from, Instant to);

    /** Each function's stored minutes from {@code from} to {@code to} added up, by function. */
    Map<String, Tally> totals(Instant from, Instant to);

    /** Deletes the minutes before {@code before}; returns how many rows went. */
    int deleteBefore(Instant before);
}
