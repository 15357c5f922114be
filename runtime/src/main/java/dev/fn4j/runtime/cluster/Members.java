package dev.fn4j.runtime.cluster;

import dev.fn4j.runtime.invocation.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runtimes sharing a database, as the store keeps them: each with the instant of its last
 * heartbeat. Blocks on the database.
 */
public interface Members {

    /** Records {@code id} as alive at {@code now}, whether or not it was recorded before. */
    void register(String id, Instant now);

    /** Renews the heartbeat of {@code id}; false when its row is gone (another runtime took it over). */
    boolean beat(String id, Instant now);

    /** The runtimes other than {@code self} whose last heartbeat is before {@code before}. */
    List<String> silentSince(String self, Instant before);

    /**
     * Takes over {@code dead}, atomically: removes its row if its heartbeat is still before
     * {@code before} and, in the same transaction, queues again the asynchronous calls it left
     * running (each cut attempt recorded {@code interrupted}) and makes {@code survivor} the owner
     * of its undelivered callbacks and unsubmitted schedule ticks. Empty when another runtime took
     * it over first or it came back; otherwise the calls queued again.
     */
    Optional<List<Transition>> takeOver(String dead, Instant before, String survivor, Instant at);
}
