package dev.fn4j.runtime.deploy;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.instance.ClassDataArchives;
import dev.fn4j.runtime.instance.InstanceStarter;
import dev.fn4j.runtime.pool.Capacity;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the class-data archive a deployed revision maps (its platform's, shared by every function
 * on the same JRE and host jar, or its own) when it has none, {@link #DELAY} after its deploy, so
 * the training JVM neither slows the deploy nor competes with the first calls that follow it;
 * drops a removed function's own archives. A training run holds its instance's memory like a deploy check
 * and is skipped (no archive, nothing lost) when that memory is not free or the revision no
 * longer serves.
 */
public final class ArchiveTraining implements RevisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveTraining.class);
    /** About the time a deploy's first calls take to be answered. */
    static final Duration DELAY = Duration.ofSeconds(5);

    private final InstanceStarter starter;
    private final Capacity capacity;
    private final FunctionRegistry registry;
    private final ClassDataArchives archives;
    private final ScheduledExecutorService timers;
    private final Executor background;

    public ArchiveTraining(
            InstanceStarter starter,
            Capacity capacity,
            FunctionRegistry registry,
            ClassDataArchives archives,
            ScheduledExecutorService timers,
            Executor background) {
        this.starter = starter;
        this.capacity = capacity;
        this.registry = registry;
        this.archives = archives;
        this.timers = timers;
        this.background = background;
    }

    @Override
    public void deployed(Function revision) {
        try {
            timers.schedule(() -> background.execute(() -> train(revision)), DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The runtime is stopping: the next start trains nothing, and that is all.
        }
    }

    @Override
    public void removed(String name) {
        archives.forget(name);
    }

    private void train(Function revision) {
        boolean serving = registry.get(revision.name())
                .filter(f -> f.revision() == revision.revision())
                .isPresent();
        if (!serving) {
            return;
        }
        try {
            if (!capacity.whileReserved(revision, () -> starter.train(revision))) {
                LOG.info("not training {} r{}: no memory free now", revision.name(), revision.revision());
            }
        } catch (RuntimeException e) {
            LOG.info("no class-data archive for {} r{}: {}", revision.name(), revision.revision(), e.getMessage());
        }
    }
}
