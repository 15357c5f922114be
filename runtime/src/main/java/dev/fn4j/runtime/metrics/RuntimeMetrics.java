package dev.fn4j.runtime.metrics;

import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The runtime's Prometheus metrics (Micrometer): calls by function and outcome with a latency
 * histogram, cold starts and their duration, resumes of paused instances and theirs, rejections by
 * reason, and, read at each scrape, instances by state (paused ones too) and queue depth.
 */
public final class RuntimeMetrics {

    /**
     * The latency histograms' upper bounds, Prometheus' usual ones from 1 ms to a minute: 16
     * buckets a function, where Micrometer's percentile histogram wrote about 70, so that a scrape
     * of many functions stays small and cheap on the IO thread that serves it.
     */
    static final Duration[] BUCKETS = Stream.of(
                    1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000)
            .map(ms -> Duration.ofNanos(Math.round(ms.doubleValue() * 1_000_000)))
            .toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Each function's call counters by outcome, built once: a call looks its meters up, never builds them. */
    private final ConcurrentMap<String, ConcurrentMap<String, Counter>> calls = new ConcurrentHashMap<>();
    /** Each function's latency histogram, built once. */
    private final ConcurrentMap<String, Timer> durations = new ConcurrentHashMap<>();

    private final MultiGauge instances = MultiGauge.builder("fn4j.instances")
            .description("Live instances by function and state")
            .register(registry);
    private final MultiGauge queueDepth = MultiGauge.builder("fn4j.queue.depth")
            .description("Calls waiting for a free instance")
            .register(registry);

    /** One call ended; {@code outcome} is {@code success} or the error code it was answered with. */
    public void invocation(String function, String outcome, Duration duration) {
        calls.computeIfAbsent(function, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        outcome,
                        o -> Counter.builder("fn4j.invocations")
                                .description("Calls by function and outcome")
                                .tags("function", function, "outcome", o)
                                .register(registry))
                .increment();
        durations
                .computeIfAbsent(
                        function,
                        f -> Timer.builder("fn4j.invocation.duration")
                                .description("Call latency, admission to answer")
                                .tags("function", f)
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record(duration);
    }

    /** An instance started; its count is the number of cold starts. */
    public void coldStart(String function, Duration duration) {
        Timer.builder("fn4j.cold.start.duration")
                .description("Instance start to ready")
                .tags("function", function)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(duration);
    }

    /**
     * A paused instance was resumed for a call instead of starting one (not a cold start): counts
     * {@code fn4j_instance_resumes_total} and times the engine's unpause.
     */
    public void resume(String function, Duration duration) {
        Counter.builder("fn4j.instance.resumes")
                .description("Paused instances resumed for a call instead of a cold start")
                .tags("function", function)
                .register(registry)
                .increment();
        Timer.builder("fn4j.instance.resume.duration")
                .description("Resuming a paused instance, unpause to ready")
                .tags("function", function)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(duration);
    }

    /** A call was refused before it ran: queue full, rate limited, no capacity, stopping. */
    public void rejection(String function, String reason) {
        Counter.builder("fn4j.rejections")
                .description("Calls refused by reason")
                .tags("function", function, "reason", reason)
                .register(registry)
                .increment();
    }

    /** The Prometheus text exposition, with the pools' gauges read now. */
    public String scrape(PoolRegistry pools) {
        List<MultiGauge.Row<?>> instanceRows = new ArrayList<>();
        List<MultiGauge.Row<?>> queueRows = new ArrayList<>();
        for (FunctionPool pool : pools.all()) {
            String name = pool.current().name();
            for (Instance.State state : Instance.State.values()) {
                if (state == Instance.State.DEAD) {
                    continue;
                }
                long count = pool.instances().stream()
                        .filter(i -> i.state() == state)
                        .count();
                instanceRows.add(MultiGauge.Row.of(
                        Tags.of("function", name, "state", state.name().toLowerCase(Locale.ROOT)), count));
            }
            instanceRows.add(MultiGauge.Row.of(Tags.of("function", name, "state", "starting"), pool.starting()));
            instanceRows.add(MultiGauge.Row.of(
                    Tags.of("function", name, "state", "paused"), pool.paused().size()));
            queueRows.add(MultiGauge.Row.of(Tags.of("function", name), pool.queueDepth()));
        }
        instances.register(instanceRows, true);
        queueDepth.register(queueRows, true);
        return registry.scrape();
    }
}
