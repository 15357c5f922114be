package dev.fn4j.runtime.pool;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A call waiting in a pool's queue for a slot. Completed once, with a lease or an error; a waiter
 * that gave up (its deadline passed) is cancelled and any lease offered later goes back.
 */
final class Waiter {

    final CompletableFuture<Lease> future = new CompletableFuture<>();
    final Instant deadline;
    final Instant enqueuedAt;

    Waiter(Instant deadline, Instant enqueuedAt) {
        this.deadline = deadline;
        this.enqueuedAt = enqueuedAt;
    }

    /** Offers a lease; false when the waiter already gave up, so the caller keeps the slot. */
    boolean offer(Lease lease) {
        return future.complete(lease);
    }
}
