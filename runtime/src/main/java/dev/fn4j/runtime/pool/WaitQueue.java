package dev.fn4j.runtime.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The calls waiting in one pool for a slot, oldest first. Not thread-safe: its pool guards it
 * with its own lock.
 */
final class WaitQueue {

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    void add(Waiter waiter) {
        waiters.add(waiter);
    }

    /** The oldest waiter, taken out; null when none waits. */
    Waiter poll() {
        return waiters.poll();
    }

    boolean remove(Waiter waiter) {
        return waiters.remove(waiter);
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    int size() {
        return waiters.size();
    }

    /** How long the oldest waiter has waited by {@code now}; zero when none waits. */
    Duration oldestWait(Instant now) {
        Waiter oldest = waiters.peek();
        return oldest == null ? Duration.ZERO : Duration.between(oldest.enqueuedAt, now);
    }

    /** How many waiters are ahead of {@code waiter}; -1 when it does not wait here. */
    int positionOf(Waiter waiter) {
        int position = 0;
        for (Waiter w : waiters) {
            if (w == waiter) {
                return position;
            }
            position++;
        }
        return -1;
    }

    /** Fails every waiter with {@code error} and empties the queue. */
    void failAll(Throwable error) {
        for (Waiter waiter; (waiter = waiters.poll()) != null; ) {
            waiter.future.completeExceptionally(error);
        }
    }
}
