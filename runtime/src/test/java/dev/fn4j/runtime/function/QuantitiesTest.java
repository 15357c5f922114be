package dev.fn4j.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void parsesAndPrintsDurations() {
        assertThat(Quantities.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Quantities.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantities.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quantities.parseDuration("2h")).isNull();
        assertThat(Quantities.parseDuration("-1s")).isNull();
        assertThat(Quantities.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Quantities.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Quantities.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
    }

    @Test
    void parsesKeyLifetimesInMinutesHoursAndDaysOnly() {
        assertThat(Quantities.parseLifetime("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Quantities.parseLifetime("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Quantities.parseLifetime("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Quantities.parseLifetime("30s")).isNull();
        assertThat(Quantities.parseLifetime("500ms")).isNull();
        assertThat(Quantities.parseLifetime("1w")).isNull();
        assertThat(Quantities.parseLifetime("soon")).isNull();
        assertThat(Quantities.parseDuration("1d")).isNull();
    }

    @Test
    void parsesAndPrintsMemory() {
        assertThat(Quantities.parseMemory("256m")).isEqualTo(256L << 20);
        assertThat(Quantities.parseMemory("2G")).isEqualTo(2L << 30);
        assertThat(Quantities.parseMemory("256")).isEqualTo(-1);
        assertThat(Quantities.parseMemory("256mb")).isEqualTo(-1);
        assertThat(Quantities.formatMemory(256L << 20)).isEqualTo("256m");
        assertThat(Quantities.formatMemory(2L << 30)).isEqualTo("2g");
    }
}
