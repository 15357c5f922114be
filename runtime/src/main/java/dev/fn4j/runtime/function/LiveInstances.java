package dev.fn4j.runtime.function;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A read model of each function's live instances, and whether its current revision is known not
 * to start, for those that show them (the API) without depending on the pools that run them.
 * Reads are of memory and never block.
 */
@FunctionalInterface
public interface LiveInstances {

    /** The function's live instances now; empty for a function that has none or does not exist. */
    List<Snapshot> of(String function);

    /** Why the function's current revision cannot start, or empty when it is not known to fail. */
    default Optional<String> failure(String function) {
        return Optional.empty();
    }

    /** How many of the function's instances are starting now: not live yet, so not in {@link #of}. */
    default int starting(String function) {
        return 0;
    }

    /**
     * One instance as it was when read.
     *
     * @param revision the function revision it runs
     * @param state its state in lower case, such as {@code ready} or {@code draining}
     * @param inFlight the calls it is running
     */
    record Snapshot(String id, long revision, String state, Instant startedAt, int inFlight) {}
}
