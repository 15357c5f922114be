package dev.fn4j.runtime.callback;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An asynchronous call's completion callback as the runtime keeps it.
 *
 * @param invocationId the invocation whose final state is delivered
 * @param function the invocation's function, whose secret signs the delivery
 * @param url the destination, allowed when registered
 * @param state where the delivery is
 * @param attempts the delivery attempts made so far
 * @param createdAt when it was registered
 * @param nextAttemptAt when the next attempt is due after a failed one, or null
 */
public record Callback(
        String invocationId,
        String function,
        String url,
        State state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt) {

    public Callback {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Where a delivery is: waiting for the final state or a retry, delivered, or given up. */
    public enum State {
        PENDING,
        DELIVERED,
        FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State parse(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One delivery attempt.
     *
     * @param attempt 1 for the first
     * @param httpStatus the receiver's status code, or null when it did not answer
     * @param error why it failed, or null when the receiver answered 2xx
     */
    public record Attempt(int attempt, Instant at, Integer httpStatus, String error) {}
}
