package dev.fn4j.runtime.pool;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deadlines in {@link #TICK_MILLIS} buckets, fired by one periodic {@link #tick()}: scheduling and
 * cancelling a call's deadline is a set insertion and removal that wakes no thread and holds
 * nothing once cancelled (a scheduled executor would wake its thread whenever a deadline became
 * its earliest, and keep a cancelled 30 s deadline, with the call it refers to, for 30 s). A task
 * runs at most one tick late, on the ticking thread, and at most once. Thread-safe.
 */
final class TickingTimer implements DeadlineTimer {

    /** The resolution of deadlines, and how often {@link #tick()} runs. */
    static final long TICK_MILLIS = 50;

    private final Clock clock;
    /** Pending tasks by the tick they are due at; a bucket goes once fired. */
    private final ConcurrentSkipListMap<Long, Set<Entry>> buckets = new ConcurrentSkipListMap<>();

    TickingTimer(Clock clock) {
        this.clock = clock;
    }

    /** A task that is run or cancelled once, by whichever claims it first. */
    private static final class Entry extends AtomicBoolean {
        final Runnable task;

        Entry(Runnable task) {
            this.task = task;
        }

        boolean claim() {
            return compareAndSet(false, true);
        }
    }

    @Override
    public Runnable schedule(Instant at, Runnable task) {
        long due = Math.floorDiv(at.toEpochMilli() + TICK_MILLIS - 1, TICK_MILLIS);
        Entry entry = new Entry(task);
        while (true) {
            Set<Entry> bucket = buckets.computeIfAbsent(due, key -> ConcurrentHashMap.newKeySet());
            bucket.add(entry);
            // A tick may have taken the bucket meanwhile and missed the entry: add it again; the
            // entry runs once however often it is found.
            if (buckets.get(due) == bucket) {
                return () -> {
                    entry.claim();
                    bucket.remove(entry);
                };
            }
        }
    }

    /** Runs every task due by now; called every {@link #TICK_MILLIS} by the owner. */
    void tick() {
        long now = Math.floorDiv(clock.millis(), TICK_MILLIS);
        for (Map.Entry<Long, Set<Entry>> head; (head = buckets.firstEntry()) != null && head.getKey() <= now; ) {
            if (!buckets.remove(head.getKey(), head.getValue())) {
                continue;
            }
            for (Entry entry : head.getValue()) {
                if (entry.claim()) {
                    try {
                        entry.task.run();
                    } catch (RuntimeException e) {
                        // One failing task must not keep the others, or later ticks, from running.
                        Thread current = Thread.currentThread();
                        current.getUncaughtExceptionHandler().uncaughtException(current, e);
                    }
                }
            }
        }
    }

    /** Tasks not yet run or cancelled, across buckets; for tests. */
    int pending() {
        return buckets.values().stream()
                .mapToInt(bucket -> (int) bucket.stream().filter(e -> !e.get()).count())
                .sum();
    }
}
