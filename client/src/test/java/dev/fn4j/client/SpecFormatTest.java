package dev.fn4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpecFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "hello", "hello-world-2", "a1",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc"})
    void acceptsNames(String name) {
        assertThat(SpecFormat.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Hello", "1abc", "-abc", "abc-", "hello_world", "hello.world",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"})
    void rejectsNames(String name) {
        assertThat(SpecFormat.isValidName(name)).isFalse();
    }

    @Test
    void parsesTimeouts() {
        assertThat(SpecFormat.parseTimeout("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SpecFormat.parseTimeout("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SpecFormat.parseTimeout("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(SpecFormat.parseTimeout("1ms")).isEqualTo(Duration.ofMillis(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "30", "30S", "1h", " 30s", "-1s", "1.5s", "s"})
    void rejectsTimeoutsNotInTheFormat(String value) {
        assertThatThrownBy(() -> SpecFormat.parseTimeout(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("use <n>ms, <n>s or <n>m, e.g. 30s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0ms", "0s", "16m", "901s"})
    void rejectsTimeoutsOutOfRange(String value) {
        assertThatThrownBy(() -> SpecFormat.parseTimeout(value))
                .hasMessage("use 1ms to 15m");
    }

    @Test
    void parsesMemory() {
        assertThat(SpecFormat.parseMemoryMegabytes("256m")).isEqualTo(256);
        assertThat(SpecFormat.parseMemoryMegabytes("64m")).isEqualTo(64);
        assertThat(SpecFormat.parseMemoryMegabytes("16g")).isEqualTo(16384);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "256", "256M", "256mb", "1.5g", "1t"})
    void rejectsMemoryNotInTheFormat(String value) {
        assertThatThrownBy(() -> SpecFormat.parseMemoryMegabytes(value))
                .hasMessage("use <n>m or <n>g, e.g. 256m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"63m", "0g", "17g"})
    void rejectsMemoryOutOfRange(String value) {
        assertThatThrownBy(() -> SpecFormat.parseMemoryMegabytes(value))
                .hasMessage("use 64m to 16g");
    }

    @Test
    void checksCpusAndConcurrency() {
        assertThat(SpecFormat.checkCpus(0.5)).isEqualTo(0.5);
        assertThatThrownBy(() -> SpecFormat.checkCpus(0.001))
                .hasMessage("use a number of cores from 0.01 up, e.g. 0.5");
        assertThatThrownBy(() -> SpecFormat.checkCpus(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SpecFormat.checkConcurrency(1000)).isEqualTo(1000);
        assertThatThrownBy(() -> SpecFormat.checkConcurrency(0)).hasMessage("use 1 to 1000");
        assertThatThrownBy(() -> SpecFormat.checkConcurrency(1001)).hasMessage("use 1 to 1000");
    }

    @Test
    void checksEnvNames() {
        assertThat(SpecFormat.checkEnvName("GREETING_2")).isEqualTo("GREETING_2");
        assertThat(SpecFormat.checkEnvName("_x")).isEqualTo("_x");
        assertThatThrownBy(() -> SpecFormat.checkEnvName("2X"))
                .hasMessage("use letters, digits and '_', not starting with a digit");
        assertThatThrownBy(() -> SpecFormat.checkEnvName("MY-VAR"))
                .hasMessage("use letters, digits and '_', not starting with a digit");
        assertThatThrownBy(() -> SpecFormat.checkEnvName("FN4J_SOCKET"))
                .hasMessage("names starting with FN4J_ are reserved for the platform");
    }

    @Test
    void parsesIdleTimeouts() {
        assertThat(SpecFormat.parseIdleTimeout("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SpecFormat.parseIdleTimeout("1ms")).isEqualTo(Duration.ofMillis(1));
        assertThat(SpecFormat.parseIdleTimeout("1440m")).isEqualTo(Duration.ofDays(1));
        assertThat(SpecFormat.parseIdleTimeout("86400s")).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "1h", "1d", "10M", "1.5m"})
    void rejectsIdleTimeoutsNotInTheFormat(String value) {
        assertThatThrownBy(() -> SpecFormat.parseIdleTimeout(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("use <n>ms, <n>s or <n>m, e.g. 10m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0ms", "0m", "1441m", "86401s"})
    void rejectsIdleTimeoutsOutOfRange(String value) {
        assertThatThrownBy(() -> SpecFormat.parseIdleTimeout(value))
                .hasMessage("use 1ms to 1440m");
    }

    @Test
    void checksInstancesAndQueue() {
        assertThat(SpecFormat.checkMinInstances(0)).isZero();
        assertThat(SpecFormat.checkMinInstances(100)).isEqualTo(100);
        assertThatThrownBy(() -> SpecFormat.checkMinInstances(-1)).hasMessage("use 0 to 100");
        assertThatThrownBy(() -> SpecFormat.checkMinInstances(101)).hasMessage("use 0 to 100");
        assertThat(SpecFormat.checkMaxInstances(1)).isEqualTo(1);
        assertThat(SpecFormat.checkMaxInstances(100)).isEqualTo(100);
        assertThatThrownBy(() -> SpecFormat.checkMaxInstances(0)).hasMessage("use 1 to 100");
        assertThatThrownBy(() -> SpecFormat.checkMaxInstances(101)).hasMessage("use 1 to 100");
        assertThat(SpecFormat.checkMaxQueue(0)).isZero();
        assertThat(SpecFormat.checkMaxQueue(10000)).isEqualTo(10000);
        assertThatThrownBy(() -> SpecFormat.checkMaxQueue(-1)).hasMessage("use 0 to 10000");
        assertThatThrownBy(() -> SpecFormat.checkMaxQueue(10001)).hasMessage("use 0 to 10000");
    }

    @Test
    void parsesRateLimits() {
        assertThat(SpecFormat.parseRateLimit("10/s")).isEqualTo(new RateLimit(10, null));
        assertThat(SpecFormat.parseRateLimit("10/s,burst=20")).isEqualTo(new RateLimit(10, 20));
        assertThat(SpecFormat.parseRateLimit("10/s, burst=5")).isEqualTo(new RateLimit(10, 5));
        assertThat(SpecFormat.parseRateLimit("1000000/s,burst=1")).isEqualTo(new RateLimit(1000000, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "10", "10/m", "10/S", "/s", "-1/s", "1.5/s", "10/s,", "10/s,burst",
            "10/s,burst=", "10/s;burst=20", "10/s,burst=20,", "burst=20", "10/s,Burst=20"})
    void rejectsRateLimitsNotInTheFormat(String value) {
        assertThatThrownBy(() -> SpecFormat.parseRateLimit(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20");
    }

    @Test
    void rejectsRateLimitsOutOfRange() {
        assertThatThrownBy(() -> SpecFormat.parseRateLimit("0/s"))
                .hasMessage("use 1/s to 1000000/s");
        assertThatThrownBy(() -> SpecFormat.parseRateLimit("1000001/s,burst=5"))
                .hasMessage("use 1/s to 1000000/s");
        assertThatThrownBy(() -> SpecFormat.parseRateLimit("10/s,burst=0"))
                .hasMessage("use a burst of 1 to 1000000");
        assertThatThrownBy(() -> SpecFormat.parseRateLimit("10/s,burst=1000001"))
                .hasMessage("use a burst of 1 to 1000000");
    }
}
