package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.limit.Backoff;
import dev.fn4j.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a pool waits before it tries another start after starts failed for a reason other
 * than the handler (the engine refused the container, the host did not come up in time): {@link
 * #FIRST} after the first failure, doubling up to {@link #MAX}, until a start succeeds or another
 * revision is deployed. Meanwhile a call no live instance can take fails at once with the last
 * start's error, so that a broken engine is not asked for a container on every call, which on a
 * busy trigger kept Docker's daemon at 60 % of a core (docs/benchmarks.md, "A start that fails
 * starts no stampede"). Not thread-safe: its pool's lock guards it.
 */
final class StartBackoff {

    /** The wait after the first failed start. */
    static final Duration FIRST = Duration.ofMillis(500);

    /** The longest wait, however many starts failed in a row. */
    static final Duration MAX = Duration.ofSeconds(30);

    /** Starts are tried for as long as calls come; without jitter, so a refusal can say when. */
    private static final Backoff WAITS = new Backoff(FIRST, MAX, Integer.MAX_VALUE);

    /** Starts failed in a row; 0 when none did since the last success or deploy. */
    private int failures;
    /** Before this instant no start is tried; null while {@link #failures} is 0. */
    private Instant retryAt;
    /** The last failed start's error; null while {@link #failures} is 0. */
    private ApiException lastError;

    /** Counts a failed start at {@code now}; the next may be tried after the grown wait. */
    void failed(Instant now, ApiException error) {
        lastError = Objects.requireNonNull(error, "error");
        failures++;
        retryAt = now.plus(wait(failures));
    }

    /** Forgets the failures: a start succeeded, or another revision replaced the one that failed. */
    void reset() {
        failures = 0;
        retryAt = null;
        lastError = null;
    }

    /** Whether no start may be tried at {@code now}. */
    boolean holds(Instant now) {
        return retryAt != null && now.isBefore(retryAt);
    }

    /** The error for a call refused while this {@link #holds}: the start's, and when it is tried again. */
    ApiException refusal(Instant now) {
        Duration left =
                Duration.ofMillis(Math.max(1, Duration.between(now, retryAt).toMillis()));
        return ApiException.retryLater(
                lastError.code(),
                lastError.getMessage() + "; after " + failures + " failed start(s) in a row the next is tried in "
                        + Durations.format(left),
                left);
    }

    /** {@link #FIRST} doubled for every failure after the first, at most {@link #MAX}. */
    static Duration wait(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        return WAITS.delay(failures, () -> 0);
    }
}
