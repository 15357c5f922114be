package dev.fn4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestContextTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void hasTheDefaultsOfAPlatformCall() {
        TestContext context = TestContext.create();

        assertThat(context.requestId()).isEqualTo("test-request");
        assertThat(context.functionName()).isEqualTo("test-function");
        assertThat(context.config()).isEmpty();
        assertThat(context.remainingTime()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsTheRemainingTimeFromTheInjectedClock() {
        MutableClock clock = new MutableClock(NOW);
        TestContext context = TestContext.builder()
                .clock(clock)
                .timeout(Duration.ofSeconds(10))
                .build();

        assertThat(context.deadline()).isEqualTo(NOW.plusSeconds(10));
        clock.now = NOW.plusSeconds(4);
        assertThat(context.remainingTime()).isEqualTo(Duration.ofSeconds(6));
        clock.now = NOW.plusSeconds(11);
        assertThat(context.remainingTime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void carriesTheGivenRequestIdNameAndConfig() {
        TestContext context = TestContext.builder()
                .requestId("r-42")
                .functionName("hotel")
                .config("RATE", "80.00")
                .config(Map.of("CITY", "Oslo"))
                .deadline(NOW)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        assertThat(context.requestId()).isEqualTo("r-42");
        assertThat(context.functionName()).isEqualTo("hotel");
        assertThat(context.config()).containsExactlyInAnyOrderEntriesOf(Map.of("RATE", "80.00", "CITY", "Oslo"));
        assertThat(context.deadline()).isEqualTo(NOW);
        assertThat(context.remainingTime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void letsTheTestReadBackWhatWasLogged() {
        TestContext context = TestContext.create();

        context.logger().info("booked Ada");
        context.logger().warn("almost full");
        context.logger().error("overbooked", new IllegalStateException("room 12"));
        context.logger().error("no cause");

        assertThat(context.lines())
                .containsExactly(
                        "INFO booked Ada",
                        "WARN almost full",
                        "ERROR overbooked java.lang.IllegalStateException: room 12",
                        "ERROR no cause");
        context.logger().clear();
        assertThat(context.lines()).isEmpty();
    }

    @Test
    void refusesABlankRequestIdOrANegativeTimeout() {
        assertThatThrownBy(() -> TestContext.builder().requestId(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestId must not be blank: ' '");
        assertThatThrownBy(() -> TestContext.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be zero or positive: PT-1S");
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
