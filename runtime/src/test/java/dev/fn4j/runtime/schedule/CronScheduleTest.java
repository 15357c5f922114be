package dev.fn4j.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionSpec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void everyFiveMinutesFiresOnTheFiveMinuteMarks() {
        CronSchedule schedule = Schedules.schedule("0 */5 * * * ?", "UTC", "run-once");
        assertThat(schedule.next(Instant.parse("2026-11-21T12:03:10Z"), 3))
                .containsExactly(
                        Instant.parse("2026-11-21T12:05:00Z"),
                        Instant.parse("2026-11-21T12:10:00Z"),
                        Instant.parse("2026-11-21T12:15:00Z"));
    }

    @Test
    void ticksAreStrictlyAfterAndStrictlyBefore() {
        CronSchedule schedule = Schedules.schedule("0 */5 * * * ?", "UTC", "run-once");
        Instant mark = Instant.parse("2026-11-21T12:05:00Z");
        assertThat(schedule.next(mark)).contains(Instant.parse("2026-11-21T12:10:00Z"));
        assertThat(schedule.last(mark)).contains(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void ticksAreWholeSecondsWhateverTheInstantsFraction() {
        CronSchedule everySecond = Schedules.schedule("* * * * * ?", "UTC", "run-once");
        Instant t = Instant.parse("2026-11-21T12:00:50Z");
        assertThat(everySecond.next(t.minusMillis(1))).contains(t);
        assertThat(everySecond.next(t.plusMillis(500))).contains(t.plusSeconds(1));
        assertThat(everySecond.last(t.plusMillis(500))).contains(t);
        assertThat(everySecond.last(t)).contains(t.minusSeconds(1));
    }

    @Test
    void theTimeZoneDecidesWhenADailyTickFires() {
        CronSchedule paris = Schedules.schedule("0 0 9 * * ?", "Europe/Paris", "run-once");
        // 21 November: Paris is UTC+1, so 9:00 there is 8:00 UTC.
        assertThat(paris.next(Instant.parse("2026-11-21T00:00:00Z"))).contains(Instant.parse("2026-11-21T08:00:00Z"));
        // 1 July: summer time, UTC+2.
        assertThat(paris.next(Instant.parse("2026-07-01T00:00:00Z"))).contains(Instant.parse("2026-07-01T07:00:00Z"));
    }

    @Test
    void aFunctionWithoutAScheduleHasNone() {
        assertThat(CronSchedule.of(
                        new FunctionSpec("sha256:abc", "com.example.Tick", Map.of(), dev.fn4j.spec.Settings.DEFAULTS)))
                .isEmpty();
    }

    @Test
    void anExpressionCronUtilsRefusesIsAnInvalidSpecNamingIt() {
        // Six fields of valid characters, but both day fields set: Quartz wants one of them '?'.
        assertThatThrownBy(() -> CronSchedule.check(Schedules.spec("0 0 9 * * MON", "UTC", "skip")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SPEC))
                .hasMessageStartingWith("\"schedule\" must be a Quartz cron expression")
                .hasMessageContaining("'0 0 9 * * MON'");
    }

    @Test
    void theMissedTicksPolicyIsRead() {
        assertThat(Schedules.schedule("* * * * * ?", "UTC", "run-once").missedRunOnce())
                .isTrue();
        assertThat(Schedules.schedule("* * * * * ?", "UTC", "skip").missedRunOnce())
                .isFalse();
    }
}
