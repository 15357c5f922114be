package dev.fn4j.runtime.stats;

import java.util.Map;

/** The asynchronous calls waiting or running, and the dead letters, of every function; blocks. */
@FunctionalInterface
public interface AsyncCounts {

    /**
     * The counts of functions that have any, by function name.
     *
     * @return absent functions have none of either
     */
    Map<String, Pending> byFunction();

    /**
     * @param backlog queued and running asynchronous calls
     * @param deadLetters calls whose retries ran out
     */
    record Pending(long backlog, long deadLetters) {
        public static final Pending NONE = new Pending(0, 0);
    }
}
