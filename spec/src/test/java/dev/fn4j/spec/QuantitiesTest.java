package dev.fn4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @Test
    void parsesAndPrintsDurations() {
        assertThat(Durations.parse("250ms", Durations.SPEC_UNITS)).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("30s", Durations.SPEC_UNITS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m", Durations.SPEC_UNITS)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("2h", Durations.SPEC_UNITS)).isNull();
        assertThat(Durations.parse("-1s", Durations.SPEC_UNITS)).isNull();
        assertThat(Durations.parse(null, Durations.SPEC_UNITS)).isNull();
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    }

    @Test
    void parsesKeyLifetimesInMinutesHoursAndDaysOnly() {
        assertThat(Durations.parse("30m", Durations.LIFETIME_UNITS)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("12h", Durations.LIFETIME_UNITS)).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("90d", Durations.LIFETIME_UNITS)).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("30s", Durations.LIFETIME_UNITS)).isNull();
        assertThat(Durations.parse("500ms", Durations.LIFETIME_UNITS)).isNull();
        assertThat(Durations.parse("1w", Durations.LIFETIME_UNITS)).isNull();
        assertThat(Durations.parse("1d", Durations.SPEC_UNITS)).isNull();
    }

    @Test
    void parsesMemoryInEitherCaseAndPrintsItInLowerCase() {
        assertThat(MemorySize.parseBytes("256m")).isEqualTo(256L << 20);
        assertThat(MemorySize.parseBytes("2g")).isEqualTo(2L << 30);
        assertThat(MemorySize.parseBytes("2G")).isEqualTo(2L << 30);
        assertThat(MemorySize.parseBytes("256")).isEqualTo(-1);
        assertThat(MemorySize.parseBytes("256mb")).isEqualTo(-1);
        assertThat(MemorySize.format(256L << 20)).isEqualTo("256m");
        assertThat(MemorySize.format(2L << 30)).isEqualTo("2g");
    }

    @Test
    void printsRateLimitsShortWhenTheBurstIsTheRate() {
        assertThat(new RateLimit(10, 10).format()).isEqualTo("10/s");
        assertThat(new RateLimit(10, 20).format()).isEqualTo("10/s,burst=20");
        assertThatThrownBy(() -> new RateLimit(0, 1)).hasMessage("perSecond must be at least 1: 0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "hello",
                "hello-world-2",
                "a1",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc"
            })
    void acceptsNames(String name) {
        assertThat(FunctionNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Hello",
                "1abc",
                "-abc",
                "abc-",
                "hello_world",
                "hello.world",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"
            })
    void rejectsNames(String name) {
        assertThat(FunctionNames.isValid(name)).isFalse();
        assertThat(FunctionNames.isValid(FunctionNames.suggest(name))).isTrue();
    }

    @Test
    void theNameCheckAgreesWithTheRuleWrittenAsARegularExpression() {
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
        String alphabet = "abz09-_A.\u00e9";
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 60 + random.nextInt(6) : random.nextInt(6);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 6)));
            }
            assertThat(FunctionNames.isValid(name.toString()))
                    .as(name.toString())
                    .isEqualTo(rule.matcher(name).matches());
        }
    }

    @Test
    void suggestsANameCloseToTheGivenOne() {
        assertThat(FunctionNames.suggest("My_Function")).isEqualTo("my-function");
        assertThat(FunctionNames.suggest("123")).isEqualTo("hello");
    }

    @Test
    void checksEnvNames() {
        assertThat(EnvNames.check("GREETING_2")).isEqualTo("GREETING_2");
        assertThat(EnvNames.check("_x")).isEqualTo("_x");
        assertThat(EnvNames.check("A".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> EnvNames.check("2X"))
                .hasMessage("use letters, digits and '_', not starting with a digit");
        assertThatThrownBy(() -> EnvNames.check("MY-VAR"))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("env");
                    assertThat(e.value()).isEqualTo("MY-VAR");
                })
                .hasMessage("use letters, digits and '_', not starting with a digit");
        assertThatThrownBy(() -> EnvNames.check("A".repeat(129))).hasMessage("use at most 128 characters");
        assertThatThrownBy(() -> EnvNames.check("FN4J_SOCKET"))
                .hasMessage("names starting with FN4J_ are reserved for the platform");
    }
}
