package dev.fn4j.runtime.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 5);

    @Test
    void theWaitDoublesFromTheFirstUpToTheMax() {
        assertThat(backoff.delay(1, () -> 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2, () -> 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3, () -> 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(5, () -> 0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(6, () -> 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(60, () -> 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffAtMostAFifth() {
        assertThat(backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(3600));
        assertThat(backoff.delay(3, () -> 0.999_999)).isGreaterThan(Duration.ofMillis(3200));
    }

    @Test
    void itStopsAfterItsAttempts() {
        assertThat(backoff.retries(4)).isTrue();
        assertThat(backoff.retries(5)).isFalse();
    }

    @Test
    void badSettingsAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessage("attempts must be at least 1: 0");
        assertThatThrownBy(() -> backoff.delay(0, () -> 0)).hasMessage("attempt must be at least 1: 0");
    }
}
