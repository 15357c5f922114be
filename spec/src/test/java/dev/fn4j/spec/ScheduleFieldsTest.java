package dev.fn4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleFieldsTest {

    @Test
    void aScheduleIsSixOrSevenCronFieldsNormalizedToSingleSpaces() {
        assertThat(Field.SCHEDULE.parse("0  */5 * * * ?")).isEqualTo("0 */5 * * * ?");
        assertThat(Field.SCHEDULE.parse("0 0 9 ? * MON-FRI 2027")).isEqualTo("0 0 9 ? * MON-FRI 2027");
        assertThat(Field.SCHEDULE.defaultValue()).isNull();
    }

    @Test
    void aScheduleOfTheWrongShapeIsRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> Field.SCHEDULE.parse("*/5 * * * *"))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("schedule");
                    assertThat(e.value()).isEqualTo("*/5 * * * *");
                    assertThat(e.problem()).isEqualTo("not a Quartz cron expression (it has 5 fields)");
                })
                .hasMessage("use a Quartz cron expression of 6 or 7 fields, seconds first, e.g. 0 */5 * * * ? (every 5"
                        + " minutes)");
        assertThatThrownBy(() -> Field.SCHEDULE.parse("0 0 9 * * ?; rm"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a cron expression"));
    }

    @Test
    void theZoneIsAnIanaZoneAndDefaultsToUtc() {
        assertThat(Field.SCHEDULE_ZONE.defaultValue()).isEqualTo("UTC");
        assertThat(Field.SCHEDULE_ZONE.parse("Europe/Paris")).isEqualTo("Europe/Paris");
        assertThatThrownBy(() -> Field.SCHEDULE_ZONE.parse("Mars/Olympus"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.value()).isEqualTo("Mars/Olympus"))
                .hasMessage("use an IANA time zone such as Europe/Paris or UTC");
    }

    @Test
    void missedTicksIsRunOnceOrSkip() {
        assertThat(Field.MISSED_TICKS.defaultValue()).isEqualTo("run-once");
        assertThat(Field.MISSED_TICKS.parse("SKIP")).isEqualTo("skip");
        assertThatThrownBy(() -> Field.MISSED_TICKS.parse("all")).hasMessage("use run-once or skip");
    }
}
