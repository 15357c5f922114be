package dev.fn4j.runtime.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-minute call statistics: every ended call is added, in memory, to its function's tally of
 * the current minute; {@link #flush} moves those tallies to the {@link StatsStore}; reads add the
 * stored minutes and the ones not written yet, so a call counts from the moment it ended.
 *
 * <p>Invariant: every recorded call is in exactly one place: an open cell, {@code unwritten}, or
 * the store. Moves between them happen only under {@code flushLock}, which reads hold too, so a
 * read never counts a call twice or misses one. Recording takes no shared lock: only the lock of
 * its own function and minute's cell.
 */
public final class CallStats implements CallCounter {

    private static final Logger LOG = LoggerFactory.getLogger(CallStats.class);
    /** How long the store keeps minutes: the day window needs one, the rest is slack. */
    public static final Duration RETENTION = Duration.ofDays(2);

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private record Key(String function, long epochMinute) {}

    /** One function and minute's tally while calls still add to it; sealed when flushed. */
    private static final class Cell {
        final Tally tally = new Tally(); // guarded by this
        boolean sealed; // guarded by this; once true, the tally never changes again
    }

    private final StatsStore store;
    private final Clock clock;
    private final ConcurrentMap<Key, Cell> open = new ConcurrentHashMap<>();
    private final Object flushLock = new Object();
    /** Sealed tallies whose writing failed, kept for the next flush; guarded by flushLock. */
    private final Map<Key, Tally> unwritten = new HashMap<>();
    /** When old minutes were last deleted; guarded by flushLock. */
    private Instant prunedAt = Instant.MIN;

    public CallStats(StatsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Now, by the clock calls are counted with, so windows line up with the minutes counted. */
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void ran(String function, boolean error, boolean coldStart, long nanos) {
        Key key = new Key(function, Math.floorDiv(clock.millis(), 60_000L));
        while (true) {
            Cell cell = cell(key);
            synchronized (cell) {
                if (!cell.sealed) {
                    cell.tally.ran(error, coldStart, nanos);
                    return;
                }
            }
        }
    }

    @Override
    public void refused(String function) {
        Key key = new Key(function, Math.floorDiv(clock.millis(), 60_000L));
        while (true) {
            Cell cell = cell(key);
            synchronized (cell) {
                if (!cell.sealed) {
                    cell.tally.refused();
                    return;
                }
            }
        }
    }

    private Cell cell(Key key) {
        Cell cell = open.get(key);
        return cell != null ? cell : open.computeIfAbsent(key, k -> new Cell());
    }

    /**
     * Writes every tally gathered so far to the store, and once an hour deletes minutes past the
     * retention; blocks. When the store fails, the tallies stay in memory for the next flush
     * (those past the retention are dropped).
     */
    public void flush() {
        synchronized (flushLock) {
            for (Key key : List.copyOf(open.keySet())) {
                Cell cell = open.remove(key);
                if (cell != null) {
                    synchronized (cell) {
                        cell.sealed = true;
                    }
                    unwritten.merge(key, cell.tally, Tally::add);
                }
            }
            Instant now = clock.instant();
            if (!unwritten.isEmpty()) {
                try {
                    store.add(counts(unwritten));
                    unwritten.clear();
                } catch (RuntimeException e) {
                    long oldest = Math.floorDiv(now.minus(RETENTION).toEpochMilli(), 60_000L);
                    unwritten.keySet().removeIf(key -> key.epochMinute() < oldest);
                    LOG.warn("cannot write call statistics yet, keeping them for later: {}", e.getMessage());
                    return;
                }
            }
            if (!now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
                prunedAt = now;
                try {
                    store.deleteBefore(MinuteCount.minuteOf(now.minus(RETENTION).toEpochMilli()));
                } catch (RuntimeException e) {
                    LOG.warn("cannot delete old call statistics: {}", e.getMessage());
                }
            }
        }
    }

    /** The function's minutes from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<MinuteCount> minutes(String function, Instant from, Instant to) {
        synchronized (flushLock) {
            Map<Instant, Tally> byMinute = new TreeMap<>();
            for (MinuteCount stored : store.minutes(function, from, to)) {
                byMinute.merge(stored.minute(), stored.tally(), Tally::add);
            }
            inMemory((key, tally) -> {
                if (key.function().equals(function)) {
                    Instant minute = Instant.ofEpochSecond(key.epochMinute() * 60);
                    if (!minute.isBefore(from) && minute.isBefore(to)) {
                        byMinute.merge(minute, tally, Tally::add);
                    }
                }
            });
            List<MinuteCount> minutes = new ArrayList<>();
            byMinute.forEach((minute, tally) -> minutes.add(new MinuteCount(function, minute, tally)));
            return minutes;
        }
    }

    /** Every function's calls from {@code from} (inclusive) to {@code to} (exclusive), by function. */
    public Map<String, Tally> totals(Instant from, Instant to) {
        synchronized (flushLock) {
            Map<String, Tally> byFunction = new HashMap<>(store.totals(from, to));
            long first = Math.floorDiv(from.toEpochMilli() + 59_999L, 60_000L);
            long end = Math.floorDiv(to.toEpochMilli() + 59_999L, 60_000L);
            inMemory((key, tally) -> {
                if (key.epochMinute() >= first && key.epochMinute() < end) {
                    byFunction.merge(key.function(), tally, Tally::add);
                }
            });
            return byFunction;
        }
    }

    /** Calls {@code each} with a copy of every tally not in the store yet; caller holds flushLock. */
    private void inMemory(java.util.function.BiConsumer<Key, Tally> each) {
        unwritten.forEach((key, tally) -> each.accept(key, tally.copy()));
        open.forEach((key, cell) -> {
            Tally copy;
            synchronized (cell) {
                copy = cell.tally.copy();
            }
            each.accept(key, copy);
        });
    }

    private static List<MinuteCount> counts(Map<Key, Tally> tallies) {
        List<MinuteCount> counts = new ArrayList<>();
        tallies.forEach((key, tally) ->
                counts.add(new MinuteCount(key.function(), Instant.ofEpochSecond(key.epochMinute() * 60), tally)));
        // One order for every runtime, so two flushing at once cannot deadlock on each other's rows.
        counts.sort(Comparator.comparing(MinuteCount::function).thenComparing(MinuteCount::minute));
        return counts;
    }
}
