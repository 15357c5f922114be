package dev.fn4j.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.Capacity;
import dev.fn4j.runtime.pool.PoolRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuntimeMetricsTest {

    private final RuntimeMetrics metrics = new RuntimeMetrics();

    private String scrape() {
        PoolRegistry none = new PoolRegistry(
                new Capacity(
                        function -> {
                            throw new AssertionError("no instance starts here");
                        },
                        (instance, reason) -> instance.kill(reason),
                        new MemoryBudget(1L << 30)),
                Runnable::run,
                (at, task) -> () -> {},
                Clock.systemUTC());
        return metrics.scrape(none);
    }

    @Test
    void aFunctionsLatencyHistogramHasItsSixteenBucketsFromAMillisecondToAMinute() {
        metrics.invocation("echo", "success", Duration.ofMillis(3));

        String text = scrape();

        assertThat(text.lines().filter(l -> l.startsWith("fn4j_invocation_duration_seconds_bucket{function=\"echo\"")))
                .hasSize(16);
        assertThat(text)
                .contains("fn4j_invocation_duration_seconds_bucket{function=\"echo\",le=\"0.001\"} 0")
                .contains("fn4j_invocation_duration_seconds_bucket{function=\"echo\",le=\"0.005\"} 1")
                .contains("fn4j_invocation_duration_seconds_bucket{function=\"echo\",le=\"60.0\"} 1")
                .contains("fn4j_invocation_duration_seconds_bucket{function=\"echo\",le=\"+Inf\"} 1");
    }

    @Test
    void callsAreCountedByFunctionAndOutcomeOnTheSameMetersEveryTime() {
        metrics.invocation("echo", "success", Duration.ofMillis(1));
        metrics.invocation("echo", "success", Duration.ofMillis(1));
        metrics.invocation("echo", "function_error", Duration.ofMillis(1));

        assertThat(scrape())
                .contains("fn4j_invocations_total{function=\"echo\",outcome=\"success\"} 2.0")
                .contains("fn4j_invocations_total{function=\"echo\",outcome=\"function_error\"} 1.0")
                .contains("fn4j_invocation_duration_seconds_count{function=\"echo\"} 3");
    }
}
