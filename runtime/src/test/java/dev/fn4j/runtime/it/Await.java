package dev.fn4j.runtime.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a state the runtime reaches on its own (a call in flight, calls queued), checking it
 * often, instead of sleeping for a guessed time and hoping the state was reached.
 */
final class Await {

    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {}

    /** Returns as soon as {@code condition} holds; fails naming {@code what} after {@code max}. */
    static void until(String what, Duration max, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + max + ": " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
