package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {

    @Test
    void readsEveryVariable() throws Exception {
        HostConfig config = HostConfig.fromEnv(Map.of(
                "FN4J_SOCKET", "/tmp/x/fn.sock",
                "FN4J_INSTANCE_ID", "i-1",
                "FN4J_HANDLER", "com.example.Hello",
                "FN4J_FUNCTION", "hello",
                "FN4J_CONCURRENCY", "4",
                "FN4J_CONFIG_KEYS", "GREETING, TARGET,,MISSING",
                "FN4J_LOG_LIMIT_BYTES", "1000",
                "GREETING", "Hi",
                "TARGET", "world",
                "OTHER", "secret"));

        assertThat(config.socket()).isEqualTo(Path.of("/tmp/x/fn.sock"));
        assertThat(config.instanceId()).isEqualTo("i-1");
        assertThat(config.handler()).isEqualTo("com.example.Hello");
        assertThat(config.functionName()).isEqualTo("hello");
        assertThat(config.concurrency()).isEqualTo(4);
        assertThat(config.config()).isEqualTo(Map.of("GREETING", "Hi", "TARGET", "world"));
        assertThat(config.logLimitBytes()).isEqualTo(1000);
    }

    @Test
    void defaultsApplyWhenOptionalVariablesAreMissing() throws Exception {
        HostConfig config = HostConfig.fromEnv(Map.of("FN4J_HANDLER", "com.example.Hello", "HOME", "/root"));

        assertThat(config.socket()).isEqualTo(Path.of("/fn4j/fn.sock"));
        assertThat(config.instanceId()).isEmpty();
        assertThat(config.functionName()).isEmpty();
        assertThat(config.concurrency()).isEqualTo(1);
        assertThat(config.config()).isEmpty();
        assertThat(config.logLimitBytes())
                .as("no limit set: the runtime may not know Logs frames")
                .isZero();
        assertThat(config.streamsLines())
                .as("no interval set: the runtime may not know LogLines frames")
                .isFalse();
    }

    @Test
    void streamsLinesOnlyWithBothAPositiveLimitAndInterval() throws Exception {
        HostConfig both = HostConfig.fromEnv(
                Map.of("FN4J_HANDLER", "H", "FN4J_LOG_LIMIT_BYTES", "100", "FN4J_LOG_STREAM_MILLIS", "20"));
        HostConfig noLimit = HostConfig.fromEnv(Map.of("FN4J_HANDLER", "H", "FN4J_LOG_STREAM_MILLIS", "20"));

        assertThat(both.logStreamMillis()).isEqualTo(20);
        assertThat(both.streamsLines()).isTrue();
        assertThat(noLimit.streamsLines()).isFalse();
    }

    @Test
    void invalidLogStreamIntervalNamesTheValue() {
        for (String bad : new String[] {"-1", "1001", "20ms"}) {
            assertThatThrownBy(() -> HostConfig.fromEnv(Map.of("FN4J_HANDLER", "H", "FN4J_LOG_STREAM_MILLIS", bad)))
                    .hasMessage("FN4J_LOG_STREAM_MILLIS must be an integer in [0, 1000]: '" + bad + "'");
        }
    }

    @Test
    void configIsUnmodifiable() throws Exception {
        HostConfig config = HostConfig.fromEnv(Map.of("FN4J_HANDLER", "H", "FN4J_CONFIG_KEYS", "A", "A", "1"));

        assertThatThrownBy(() -> config.config().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingHandlerIsExitCode2() {
        assertThatThrownBy(() -> HostConfig.fromEnv(Map.of()))
                .isInstanceOfSatisfying(
                        StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("FN4J_HANDLER is not set; it must name the handler class");
    }

    @Test
    void invalidConcurrencyNamesTheValue() {
        for (String bad : new String[] {"0", "-1", "1001", "two"}) {
            assertThatThrownBy(() -> HostConfig.fromEnv(Map.of("FN4J_HANDLER", "H", "FN4J_CONCURRENCY", bad)))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("FN4J_CONCURRENCY must be an integer in [1, 1000]: '" + bad + "'");
        }
    }

    @Test
    void invalidLogLimitNamesTheValue() {
        for (String bad : new String[] {"-1", "16777217", "64k"}) {
            assertThatThrownBy(() -> HostConfig.fromEnv(Map.of("FN4J_HANDLER", "H", "FN4J_LOG_LIMIT_BYTES", bad)))
                    .isInstanceOfSatisfying(
                            StartupException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessage("FN4J_LOG_LIMIT_BYTES must be an integer in [0, 16777216]: '" + bad + "'");
        }
    }
}
