package dev.fn4j.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickPlanTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aTickThatCameSinceTheLastPassRuns() {
        CronSchedule minutely = Schedules.schedule("0 * * * * ?", "UTC", "run-once");
        TickPlan plan = TickPlan.of(minutely, NOON.minusSeconds(30), NOON.plusSeconds(1), GRACE);
        assertThat(plan.run()).containsExactly(NOON);
        assertThat(plan.skipped()).isNull();
        assertThat(plan.through(NOON.minusSeconds(30))).isEqualTo(NOON);
    }

    @Test
    void nothingIsDueBeforeTheNextTick() {
        CronSchedule minutely = Schedules.schedule("0 * * * * ?", "UTC", "run-once");
        TickPlan plan = TickPlan.of(minutely, NOON, NOON.plusSeconds(30), GRACE);
        assertThat(plan.run()).isEmpty();
        assertThat(plan.through(NOON)).isEqualTo(NOON);
    }

    @Test
    void everyTickWithinTheGraceRunsSoABriefStallLosesNone() {
        CronSchedule everySecond = Schedules.schedule("* * * * * ?", "UTC", "skip");
        TickPlan plan = TickPlan.of(everySecond, NOON, NOON.plusSeconds(3), GRACE);
        assertThat(plan.run()).containsExactly(NOON.plusSeconds(1), NOON.plusSeconds(2), NOON.plusSeconds(3));
        assertThat(plan.skipped()).isNull();
    }

    @Test
    void runOnceRunsTheLatestMissedTickOnceForAllOfThem() {
        CronSchedule minutely = Schedules.schedule("0 * * * * ?", "UTC", "run-once");
        // Down from 12:00 to 15:00:05: 180 ticks missed, 15:00 still on time.
        Instant now = NOON.plus(Duration.ofHours(3)).plusSeconds(5);
        TickPlan plan = TickPlan.of(minutely, NOON, now, GRACE);
        assertThat(plan.run())
                .containsExactly(Instant.parse("2026-11-21T14:59:00Z"), Instant.parse("2026-11-21T15:00:00Z"));
        assertThat(plan.through(NOON)).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
    }

    @Test
    void skipRunsNoMissedTickButMarksThemActedOn() {
        CronSchedule minutely = Schedules.schedule("0 * * * * ?", "UTC", "skip");
        Instant now = NOON.plus(Duration.ofHours(3)).plusSeconds(30);
        TickPlan plan = TickPlan.of(minutely, NOON, now, GRACE);
        assertThat(plan.run()).isEmpty();
        assertThat(plan.skipped()).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
        assertThat(plan.through(NOON)).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
    }

    @Test
    void anEverySecondScheduleBehindAStallRunsABoundedNumberOfTicks() {
        CronSchedule everySecond = Schedules.schedule("* * * * * ?", "UTC", "run-once");
        TickPlan plan = TickPlan.of(everySecond, NOON, NOON.plusSeconds(10), Duration.ofMinutes(5));
        assertThat(plan.run()).hasSize(10);
        TickPlan long_ = TickPlan.of(everySecond, NOON, NOON.plusSeconds(100), Duration.ofMinutes(5));
        assertThat(long_.run()).hasSize(TickPlan.MAX_ON_TIME);
        // What was not run this pass is still after the plan's mark, so the next pass runs it.
        assertThat(long_.through(NOON)).isEqualTo(NOON.plusSeconds(TickPlan.MAX_ON_TIME));
    }
}
