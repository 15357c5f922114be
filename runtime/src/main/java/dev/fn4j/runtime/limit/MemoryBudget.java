package dev.fn4j.runtime.limit;

/**
 * The memory all instances together may use, as a counter of reserved bytes. The pool's
 * {@code Capacity} is its one user: it reserves an instance's memory limit before its container
 * starts and gives it back when the instance is killed. Thread-safe.
 */
public final class MemoryBudget {

    private final long total;
    /** Bytes held by instances running or starting; guarded by this; 0 ≤ reserved ≤ total. */
    private long reserved;

    public MemoryBudget(long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive: " + total);
        }
        this.total = total;
    }

    /** Reserves the bytes when they fit; returns false, reserving nothing, when they don't. */
    public synchronized boolean tryReserve(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        if (reserved + bytes > total) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    public synchronized void release(long bytes) {
        if (bytes <= 0 || bytes > reserved) {
            throw new IllegalArgumentException("cannot release " + bytes + " of " + reserved + " reserved bytes");
        }
        reserved -= bytes;
    }

    public synchronized long available() {
        return total - reserved;
    }

    public long total() {
        return total;
    }
}
