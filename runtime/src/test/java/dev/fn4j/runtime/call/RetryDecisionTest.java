package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What follows an asynchronous attempt: the end, a retry after a jittered wait, or a dead letter. */
class RetryDecisionTest {

    private final ManualClock clock = new ManualClock();
    private final RetryPolicy policy = Field.RETRIES.parse("3,backoff=1s,maxBackoff=3s,on=error+timeout");

    private Outcome failed(ErrorCode code) {
        return Outcome.failed(clock.instant(), new ApiException(code, "it failed"), null);
    }

    @Test
    void withoutAPolicyEveryOutcomeEndsTheCall() {
        assertThat(RetryDecision.after(null, failed(ErrorCode.FUNCTION_ERROR), 1, clock.instant(), () -> 0.5))
                .isEqualTo(RetryDecision.END_IT);
    }

    @Test
    void aSuccessEndsTheCall() {
        Outcome ok = Outcome.succeeded(clock.instant(), false, new byte[0], null, null);
        assertThat(RetryDecision.after(policy, ok, 1, clock.instant(), () -> 0.5))
                .isEqualTo(RetryDecision.END_IT);
    }

    @Test
    void aRetriedFailureWaitsAJitteredShareOfTheDoublingCeiling() {
        Instant now = clock.instant();

        RetryDecision first = RetryDecision.after(policy, failed(ErrorCode.FUNCTION_ERROR), 1, now, () -> 0.5);
        RetryDecision second = RetryDecision.after(policy, failed(ErrorCode.FUNCTION_TIMEOUT), 2, now, () -> 0.5);
        RetryDecision third = RetryDecision.after(policy, failed(ErrorCode.FUNCTION_ERROR), 3, now, () -> 0.999);
        RetryDecision soonest = RetryDecision.after(policy, failed(ErrorCode.FUNCTION_ERROR), 3, now, () -> 0.0);

        assertThat(first.kind()).isEqualTo(RetryDecision.Kind.RETRY);
        assertThat(Duration.between(now, first.notBefore())).isEqualTo(Duration.ofMillis(500));
        assertThat(Duration.between(now, second.notBefore())).isEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(now, third.notBefore()))
                .as("capped at maxBackoff")
                .isEqualTo(Duration.ofMillis(2997));
        assertThat(soonest.notBefore()).isEqualTo(now);
    }

    @Test
    void aRetriedFailureAfterTheLastRetryIsDeadLettered() {
        assertThat(RetryDecision.after(policy, failed(ErrorCode.FUNCTION_ERROR), 4, clock.instant(), () -> 0.5))
                .isEqualTo(RetryDecision.DEAD_LETTER_IT);
    }

    @Test
    void failuresThePolicyDoesNotNameAndPlatformFailuresEndTheCall() {
        for (ErrorCode code : new ErrorCode[] {
            ErrorCode.FUNCTION_CRASHED, ErrorCode.OUT_OF_MEMORY, ErrorCode.START_FAILED, ErrorCode.HANDLER_FAILED
        }) {
            assertThat(RetryDecision.after(policy, failed(code), 1, clock.instant(), () -> 0.5))
                    .as("%s", code)
                    .isEqualTo(RetryDecision.END_IT);
        }
        RetryPolicy crashes = Field.RETRIES.parse("1,on=crash");
        assertThat(RetryDecision.after(crashes, failed(ErrorCode.OUT_OF_MEMORY), 1, clock.instant(), () -> 0.5)
                        .kind())
                .isEqualTo(RetryDecision.Kind.RETRY);
    }
}
