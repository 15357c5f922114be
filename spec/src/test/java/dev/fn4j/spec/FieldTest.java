package dev.fn4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTest {

    @Test
    void parsesTimeouts() {
        assertThat(Field.TIMEOUT.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Field.TIMEOUT.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Field.TIMEOUT.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Field.TIMEOUT.parse("1ms")).isEqualTo(Duration.ofMillis(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "30", "30S", "1h", " 30s", "-1s", "1.5s", "s"})
    void rejectsTimeoutsNotInTheFormat(String value) {
        assertThatThrownBy(() -> Field.TIMEOUT.parse(value))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("timeout");
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.problem()).isEqualTo("not a duration");
                    assertThat(e.isOutOfRange()).isFalse();
                })
                .hasMessage("use <n>ms, <n>s or <n>m, e.g. 30s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0ms", "0s", "16m", "901s"})
    void rejectsTimeoutsOutOfRange(String value) {
        assertThatThrownBy(() -> Field.TIMEOUT.parse(value))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.isOutOfRange()).isTrue())
                .hasMessage("use 1ms to 15m");
    }

    @Test
    void parsesIdleTimeouts() {
        assertThat(Field.IDLE_TIMEOUT.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Field.IDLE_TIMEOUT.parse("1ms")).isEqualTo(Duration.ofMillis(1));
        assertThat(Field.IDLE_TIMEOUT.parse("1440m")).isEqualTo(Duration.ofDays(1));
        assertThat(Field.IDLE_TIMEOUT.parse("86400s")).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "1h", "1d", "10M", "1.5m"})
    void rejectsIdleTimeoutsNotInTheFormat(String value) {
        assertThatThrownBy(() -> Field.IDLE_TIMEOUT.parse(value)).hasMessage("use <n>ms, <n>s or <n>m, e.g. 10m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0ms", "0m", "1441m", "86401s"})
    void rejectsIdleTimeoutsOutOfRange(String value) {
        assertThatThrownBy(() -> Field.IDLE_TIMEOUT.parse(value)).hasMessage("use 1ms to 1440m");
    }

    @Test
    void parsesMemoryInBytes() {
        assertThat(Field.MEMORY.parse("256m")).isEqualTo(256L << 20);
        assertThat(Field.MEMORY.parse("64m")).isEqualTo(64L << 20);
        assertThat(Field.MEMORY.parse("16g")).isEqualTo(16L << 30);
    }

    @Test
    void readsMemoryUnitsInEitherCaseAsTheApiAlwaysHas() {
        assertThat(Field.MEMORY.parse("256M")).isEqualTo(256L << 20);
        assertThat(Field.MEMORY.parse("2G")).isEqualTo(2L << 30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "256", "256mb", "1.5g", "1t", "2gb"})
    void rejectsMemoryNotInTheFormat(String value) {
        assertThatThrownBy(() -> Field.MEMORY.parse(value))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a memory size"))
                .hasMessage("use <n>m or <n>g, e.g. 256m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"63m", "0g", "17g"})
    void rejectsMemoryOutOfRange(String value) {
        assertThatThrownBy(() -> Field.MEMORY.parse(value)).hasMessage("use 64m to 16g");
    }

    @Test
    void checksCpus() {
        assertThat(Field.CPUS.parse("0.5")).isEqualTo(0.5);
        assertThatThrownBy(() -> Field.CPUS.parse("0.001"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.isOutOfRange()).isTrue())
                .hasMessage("use a number of cores from 0.01 up, e.g. 0.5");
        assertThatThrownBy(() -> Field.CPUS.parse("NaN")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> Field.CPUS.parse("half"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a number"))
                .hasMessage("use a number of cores from 0.01 up, e.g. 0.5");
    }

    @Test
    void checksWholeNumbers() {
        assertThat(Field.CONCURRENCY.parse("1000")).isEqualTo(1000);
        assertThatThrownBy(() -> Field.CONCURRENCY.parse("0")).hasMessage("use 1 to 1000");
        assertThatThrownBy(() -> Field.CONCURRENCY.parse("1001")).hasMessage("use 1 to 1000");
        assertThatThrownBy(() -> Field.CONCURRENCY.parse("many"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a whole number"))
                .hasMessage("use 1 to 1000");
        assertThat(Field.MIN_INSTANCES.parse("0")).isZero();
        assertThat(Field.MIN_INSTANCES.parse("100")).isEqualTo(100);
        assertThatThrownBy(() -> Field.MIN_INSTANCES.parse("-1")).hasMessage("use 0 to 100");
        assertThatThrownBy(() -> Field.MIN_INSTANCES.parse("101")).hasMessage("use 0 to 100");
        assertThat(Field.MAX_INSTANCES.parse("1")).isEqualTo(1);
        assertThatThrownBy(() -> Field.MAX_INSTANCES.parse("0")).hasMessage("use 1 to 100");
        assertThatThrownBy(() -> Field.MAX_INSTANCES.parse("101")).hasMessage("use 1 to 100");
        assertThat(Field.MAX_QUEUE.parse("10000")).isEqualTo(10000);
        assertThatThrownBy(() -> Field.MAX_QUEUE.parse("-1")).hasMessage("use 0 to 10000");
        assertThatThrownBy(() -> Field.MAX_QUEUE.parse("10001")).hasMessage("use 0 to 10000");
    }

    @Test
    void checksBooleansInAnyCase() {
        assertThat(Field.PUBLIC.parse("TRUE")).isTrue();
        assertThat(Field.PUBLIC.parse("false")).isFalse();
        assertThatThrownBy(() -> Field.PUBLIC.parse("yes"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a boolean"))
                .hasMessage("use true or false");
    }

    @Test
    void parsesRateLimitsWithTheBurstDefaultingToTheRate() {
        assertThat(Field.RATE_LIMIT.parse("10/s")).isEqualTo(new RateLimit(10, 10));
        assertThat(Field.RATE_LIMIT.parse("10/s,burst=20")).isEqualTo(new RateLimit(10, 20));
        assertThat(Field.RATE_LIMIT.parse("10/s, burst=5")).isEqualTo(new RateLimit(10, 5));
        assertThat(Field.RATE_LIMIT.parse("1000000/s,burst=1")).isEqualTo(new RateLimit(1000000, 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fast",
                "10",
                "10/m",
                "10/S",
                "/s",
                "-1/s",
                "1.5/s",
                "10/s,",
                "10/s,burst",
                "10/s,burst=",
                "10/s;burst=20",
                "10/s,burst=20,",
                "burst=20",
                "10/s,Burst=20"
            })
    void rejectsRateLimitsNotInTheFormat(String value) {
        assertThatThrownBy(() -> Field.RATE_LIMIT.parse(value))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a rate limit"))
                .hasMessage("use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20");
    }

    @Test
    void rejectsRateLimitsOutOfRange() {
        assertThatThrownBy(() -> Field.RATE_LIMIT.parse("0/s")).hasMessage("use 1/s to 1000000/s");
        assertThatThrownBy(() -> Field.RATE_LIMIT.parse("1000001/s,burst=5")).hasMessage("use 1/s to 1000000/s");
        assertThatThrownBy(() -> Field.RATE_LIMIT.parse("10/s,burst=0")).hasMessage("use a burst of 1 to 1000000");
        assertThatThrownBy(() -> Field.RATE_LIMIT.parse("10/s,burst=1000001"))
                .hasMessage("use a burst of 1 to 1000000");
    }

    @Test
    void checksTmpSizesFromOneMebibyteToOneGibibyte() {
        assertThat(Field.TMP_SIZE.defaultValue()).isEqualTo(64L << 20);
        assertThat(Field.TMP_SIZE.parse("1m")).isEqualTo(1L << 20);
        assertThat(Field.TMP_SIZE.parse("1g")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> Field.TMP_SIZE.parse("0m"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo(Rules.OUT_OF_RANGE))
                .hasMessage("use 1m to 1g");
        assertThatThrownBy(() -> Field.TMP_SIZE.parse("2g")).hasMessage("use 1m to 1g");
        assertThatThrownBy(() -> Field.TMP_SIZE.parse("64k"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not a memory size"))
                .hasMessage("use <n>m or <n>g, e.g. 64m");
        assertThat(Field.TMP_SIZE.mustBe()).isEqualTo("<n>m or <n>g, for example 64m, from 1m to 1g");
    }

    @Test
    void checksDescriptions() {
        assertThat(Field.DESCRIPTION.defaultValue()).isEmpty();
        assertThat(Field.DESCRIPTION.parse("Greets people")).isEqualTo("Greets people");
        assertThat(Field.DESCRIPTION.parse("x".repeat(256))).hasSize(256);
        assertThatThrownBy(() -> Field.DESCRIPTION.parse("x".repeat(257)))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("too long"))
                .hasMessage("use at most 256 characters");
        assertThatThrownBy(() -> Field.DESCRIPTION.parse("two\nlines"))
                .isInstanceOfSatisfying(
                        SpecException.class, e -> assertThat(e.problem()).isEqualTo("not plain text"))
                .hasMessage("use text of at most 256 characters without control characters, e.g. Greets people");
        assertThat(Field.DESCRIPTION.mustBe())
                .isEqualTo("text of at most 256 characters without control characters, for example Greets people");
    }

    @Test
    void formatsEveryDefaultSoThatItParsesBack() {
        for (Field<?> field : Field.ALL) {
            roundTrips(field);
        }
    }

    private static <T> void roundTrips(Field<T> field) {
        T value = field == Field.RATE_LIMIT
                ? field.parse("10/s,burst=20")
                : field == Field.RETRIES
                        ? field.parse("3,backoff=2s,maxBackoff=1m,on=error")
                        : field == Field.SCHEDULE ? field.parse("0 */5 * * * ?") : field.defaultValue();
        assertThat(field.parse(field.format(value))).as(field.name()).isEqualTo(value);
    }

    @Test
    void saysWhatAValueMustBeForTheJsonApi() {
        assertThat(Field.TIMEOUT.mustBe()).isEqualTo("<n>ms, <n>s or <n>m, for example 30s, from 1ms to 15m");
        assertThat(Field.MEMORY.mustBe()).isEqualTo("<n>m or <n>g, for example 256m, from 64m to 16g");
        assertThat(Field.MAX_QUEUE.mustBe()).isEqualTo("a whole number from 0 to 10000");
    }

    @Test
    void namesEverySettingOnce() {
        assertThat(Field.ALL.stream().map(Field::name))
                .doesNotHaveDuplicates()
                .contains(
                        "timeout",
                        "memory",
                        "tmpSize",
                        "cpus",
                        "concurrency",
                        "minInstances",
                        "maxInstances",
                        "idleTimeout",
                        "maxQueue",
                        "rateLimit",
                        "public");
    }
}
