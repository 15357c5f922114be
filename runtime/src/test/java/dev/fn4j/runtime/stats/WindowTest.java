package dev.fn4j.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:37:42.500Z");

    @Test
    void theHourIsSixtyMinutesEndingWithTheCurrentOne() {
        List<Instant> starts = Window.HOUR.starts(NOW);
        assertThat(starts).hasSize(60);
        assertThat(starts.get(0)).isEqualTo("2026-12-06T01:38:00Z");
        assertThat(starts.get(59)).isEqualTo("2026-12-06T02:37:00Z");
        assertThat(Window.HOUR.from(NOW)).isEqualTo("2026-12-06T01:38:00Z");
        assertThat(Window.HOUR.to(NOW)).isEqualTo("2026-12-06T02:38:00Z");
        assertThat(Window.HOUR.bucketSeconds()).isEqualTo(60);
    }

    @Test
    void theDayIsNinetySixQuarterHoursEndingWithTheCurrentOne() {
        List<Instant> starts = Window.DAY.starts(NOW);
        assertThat(starts).hasSize(96);
        assertThat(starts.get(0)).isEqualTo("2026-12-05T02:45:00Z");
        assertThat(starts.get(95)).isEqualTo("2026-12-06T02:30:00Z");
        assertThat(Window.DAY.to(NOW)).isEqualTo("2026-12-06T02:45:00Z");
        assertThat(Window.DAY.bucketSeconds()).isEqualTo(900);
    }

    @Test
    void minutesAddUpInTheirBucketAndThoseOutsideTheWindowAreLeftOut() {
        List<MinuteCount> minutes = List.of(
                minute("2026-12-06T02:30:00Z", 3),
                minute("2026-12-06T02:37:00Z", 4),
                minute("2026-12-06T02:29:00Z", 5),
                minute("2026-12-05T02:44:00Z", 100));
        List<Tally> buckets = Window.DAY.bucketed(minutes, NOW);
        assertThat(buckets).hasSize(96);
        assertThat(buckets.get(95).calls()).isEqualTo(7);
        assertThat(buckets.get(94).calls()).isEqualTo(5);
        assertThat(buckets.stream().mapToLong(Tally::calls).sum()).isEqualTo(12);
    }

    @Test
    void onlyOneHourAndOneDayAreWindows() {
        assertThat(Window.parse("1h")).contains(Window.HOUR);
        assertThat(Window.parse("1d")).contains(Window.DAY);
        assertThat(Window.parse("2h")).isEmpty();
        assertThat(Window.parse("1H")).isEmpty();
    }

    private static MinuteCount minute(String start, long calls) {
        return new MinuteCount("f", Instant.parse(start), new Tally(calls, 0, 0));
    }
}
