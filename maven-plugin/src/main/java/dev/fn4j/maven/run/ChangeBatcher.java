package dev.fn4j.maven.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a burst of file changes (a compiler writes many class files, one after another) into
 * one reload: a batch is due once no change came for the quiet period, or once the first change
 * of the batch is {@code maxWait} old, so a build that never pauses still reloads.
 *
 * <p>Times are {@link System#nanoTime()}-style values handed in by the caller, so tests drive it
 * with a fake clock. Not thread-safe: one watch loop owns it.
 */
final class ChangeBatcher {

    /** The most paths a batch remembers by name; more are only counted. */
    static final int MAX_NAMED = 100;

    private final long quietNanos;
    private final long maxWaitNanos;
    /** The changed paths of the pending batch, first change first; empty when none is pending. */
    private final Set<Path> pending = new LinkedHashSet<>();
    /** Changes in the pending batch, repeated ones included; at least {@code pending.size()}. */
    private int count;
    /** Whether a path of the pending batch was left out of {@code pending}, which was full. */
    private boolean truncated;

    private long firstNanos;
    private long lastNanos;

    ChangeBatcher(Duration quiet, Duration maxWait) {
        if (quiet.isNegative() || quiet.isZero() || maxWait.compareTo(quiet) < 0) {
            throw new IllegalArgumentException(
                    "quiet must be positive and at most maxWait: quiet " + quiet + ", maxWait " + maxWait);
        }
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Records that {@code path} changed at {@code now}. */
    void changed(Path path, long now) {
        if (count == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        count++;
        if (pending.size() < MAX_NAMED) {
            pending.add(path);
        } else if (!pending.contains(path)) {
            truncated = true;
        }
    }

    /** The pending batch if it is due at {@code now}, which it then no longer is; null otherwise. */
    Batch takeIfDue(long now) {
        if (count == 0 || nanosUntilDue(now) > 0) {
            return null;
        }
        Batch batch = new Batch(Set.copyOf(pending), !truncated, count, firstNanos);
        pending.clear();
        count = 0;
        truncated = false;
        return batch;
    }

    /** How long from {@code now} until the pending batch is due: 0 when it is, -1 when none is pending. */
    long nanosUntilDue(long now) {
        if (count == 0) {
            return -1;
        }
        long due = Math.min(lastNanos + quietNanos, firstNanos + maxWaitNanos);
        return Math.max(0, due - now);
    }

    /**
     * Changes to reload for.
     *
     * @param paths the changed paths, at most {@link #MAX_NAMED}
     * @param complete whether {@code paths} holds every changed path
     * @param count how many changes there were, repeated ones included
     * @param firstNanos when the first of them happened
     */
    record Batch(Set<Path> paths, boolean complete, int count, long firstNanos) {}
}
