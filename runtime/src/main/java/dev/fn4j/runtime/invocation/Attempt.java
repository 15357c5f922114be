package dev.fn4j.runtime.invocation;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of an asynchronous invocation, as recorded when it ended.
 *
 * @param number the attempt's number, from 1; it keeps rising across retries, restarts and redrives
 * @param startedAt when it started
 * @param endedAt when it ended, or when a restart found it interrupted
 * @param outcome {@code succeeded}, {@code failed}, {@code timed_out}, or {@code interrupted} when
 *     the runtime stopped or crashed during it
 * @param errorCode the error it failed with, or null
 * @param errorMessage that error's message, or null
 */
public record Attempt(
        int number, Instant startedAt, Instant endedAt, String outcome, String errorCode, String errorMessage) {

    /** The outcome of an attempt the runtime's stop or crash cut short. */
    public static final String INTERRUPTED = "interrupted";

    public Attempt {
        if (number < 1) {
            throw new IllegalArgumentException("number must be positive: " + number);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
