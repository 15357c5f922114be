package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.spec.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What follows an asynchronous attempt: the end ({@link #END}), another attempt after a random
 * wait ({@link #RETRY}), or the dead-letter queue ({@link #DEAD_LETTER}) when a retried kind of
 * failure has used up the function's retries. Without a retry policy every outcome ends the call.
 *
 * @param kind which of the three
 * @param notBefore for a retry, the earliest start of the next attempt; else null
 */
record RetryDecision(Kind kind, Instant notBefore) {

    enum Kind {
        END,
        RETRY,
        DEAD_LETTER
    }

    static final RetryDecision END_IT = new RetryDecision(Kind.END, null);
    static final RetryDecision DEAD_LETTER_IT = new RetryDecision(Kind.DEAD_LETTER, null);

    /** Which retry failure each error code is; codes not here (platform failures) are never retried. */
    private static final Map<String, RetryPolicy.Failure> FAILURES = Map.of(
            ErrorCode.FUNCTION_ERROR.code(), RetryPolicy.Failure.ERROR,
            ErrorCode.BAD_OUTPUT.code(), RetryPolicy.Failure.ERROR,
            ErrorCode.FUNCTION_TIMEOUT.code(), RetryPolicy.Failure.TIMEOUT,
            ErrorCode.FUNCTION_CRASHED.code(), RetryPolicy.Failure.CRASH,
            ErrorCode.OUT_OF_MEMORY.code(), RetryPolicy.Failure.CRASH);

    /**
     * Decides after attempt number {@code tries} (since acceptance or the last redrive) ended with
     * {@code outcome} at {@code now}. The wait is full jitter: uniform in [0, ceiling), with
     * {@code random} giving numbers in [0, 1).
     */
    static RetryDecision after(RetryPolicy policy, Outcome outcome, int tries, Instant now, DoubleSupplier random) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be positive: " + tries);
        }
        if (policy == null || outcome.status() == InvocationStatus.SUCCEEDED) {
            return END_IT;
        }
        RetryPolicy.Failure failure = FAILURES.get(outcome.errorCode());
        if (failure == null || !policy.on().contains(failure)) {
            return END_IT;
        }
        if (tries > policy.retries()) {
            return DEAD_LETTER_IT;
        }
        Duration ceiling = policy.ceiling(tries);
        long waitMs = (long) Math.floor(random.getAsDouble() * ceiling.toMillis());
        return new RetryDecision(Kind.RETRY, now.plusMillis(Math.max(0, Math.min(waitMs, ceiling.toMillis()))));
    }
}
