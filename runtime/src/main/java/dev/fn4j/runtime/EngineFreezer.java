package dev.fn4j.runtime;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.InstanceFreezer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses and resumes instances' containers through the engine, logging each and counting and
 * timing resumes in the metrics (a resume is not a cold start). Blocks on the engine; stateless.
 */
final class EngineFreezer implements InstanceFreezer {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFreezer.class);

    private final ContainerEngine engine;
    private final RuntimeMetrics metrics;

    /** @param engine an engine that {@link ContainerEngine#canPause() can pause} */
    EngineFreezer(ContainerEngine engine, RuntimeMetrics metrics) {
        if (!engine.canPause()) {
            throw new IllegalArgumentException("the engine cannot pause containers: " + engine);
        }
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public void pause(Instance instance) {
        long begin = System.nanoTime();
        engine.pause(instance.containerId());
        LOG.info(
                "paused idle instance {} of {} r{} in {} ms",
                instance.id(),
                instance.function().name(),
                instance.function().revision(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    @Override
    public void unpause(Instance instance) {
        long begin = System.nanoTime();
        engine.unpause(instance.containerId());
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        metrics.resume(instance.function().name(), took);
        LOG.info(
                "resumed paused instance {} of {} r{} in {} ms (no cold start)",
                instance.id(),
                instance.function().name(),
                instance.function().revision(),
                took.toMillis());
    }
}
