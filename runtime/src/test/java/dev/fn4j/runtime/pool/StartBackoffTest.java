package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartBackoffTest {

    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");
    private static final ApiException REFUSED =
            new ApiException(ErrorCode.START_FAILED, "could not start container 'fn4j-echo-1'");

    @Test
    void theWaitDoublesFromHalfASecondUpToThirtySeconds() {
        assertThat(StartBackoff.wait(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(StartBackoff.wait(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(StartBackoff.wait(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(StartBackoff.wait(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(StartBackoff.wait(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void itHoldsFromAFailureUntilItsWaitHasPassed() {
        StartBackoff backoff = new StartBackoff();
        assertThat(backoff.holds(T0)).isFalse();

        backoff.failed(T0, REFUSED);

        assertThat(backoff.holds(T0.plusMillis(499))).isTrue();
        assertThat(backoff.holds(T0.plusMillis(500))).isFalse();
    }

    @Test
    void aRefusalCarriesTheStartsErrorAndWhenTheNextIsTried() {
        StartBackoff backoff = new StartBackoff();
        backoff.failed(T0, REFUSED);
        backoff.failed(T0, REFUSED);

        ApiException refusal = backoff.refusal(T0.plusMillis(250));

        assertThat(refusal.code()).isEqualTo(ErrorCode.START_FAILED);
        assertThat(refusal.getMessage())
                .isEqualTo("could not start container 'fn4j-echo-1'; after 2 failed start(s) in a row the next is"
                        + " tried in 750ms");
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void resetForgetsEveryFailure() {
        StartBackoff backoff = new StartBackoff();
        backoff.failed(T0, REFUSED);
        backoff.failed(T0, REFUSED);

        backoff.reset();
        backoff.failed(T0, REFUSED);

        assertThat(backoff.holds(T0.plusMillis(500))).isFalse();
    }

    @Test
    void aWaitForNoFailureIsRefusedWithTheValue() {
        assertThatThrownBy(() -> StartBackoff.wait(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failures must be at least 1: 0");
    }
}
