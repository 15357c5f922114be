package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;

/**
 * The startup CPU boost (Cloud Run's "startup CPU boost" is the precedent): an instance's container
 * starts with every core of the machine as its CPU limit, so the JVM's start, whose compiler
 * threads would otherwise share the function's one CPU with the host's set-up, runs at full speed,
 * and is held to its function's {@code cpus} once its host said Hello, before it serves a call.
 *
 * <p>Invariant: an instance that serves calls has its function's CPU limit; one whose limit cannot
 * be set is removed instead. When the engine cannot change a running container's limit
 * ({@link ContainerEngine#canLimitCpus()}), instances start with their function's limit.
 */
final class StartupBoost {

    private final ContainerEngine engine;
    /** The limit instances start with, in billionths of a CPU; 0 when nothing is boosted. */
    private final long bootNanoCpus;

    private final InstanceRemover remover;

    private StartupBoost(ContainerEngine engine, long bootNanoCpus, InstanceRemover remover) {
        this.engine = engine;
        this.bootNanoCpus = bootNanoCpus;
        this.remover = remover;
    }

    /** Boosts starts to {@code cores} CPUs on an engine that can limit them afterwards. */
    static StartupBoost of(ContainerEngine engine, int cores, InstanceRemover remover) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1: " + cores);
        }
        return new StartupBoost(engine, engine.canLimitCpus() ? cores * 1_000_000_000L : 0, remover);
    }

    /** The function's CPU limit, in billionths of a CPU. */
    static long nanoCpus(Function function) {
        return Math.round(function.spec().cpus() * 1_000_000_000L);
    }

    /** The limit an instance of {@code function} starts with. */
    long startNanoCpus(Function function) {
        return Math.max(nanoCpus(function), bootNanoCpus);
    }

    /**
     * Holds a started instance to its function's limit when it started with more; when the engine
     * refuses, removes it and throws {@code start_failed}.
     */
    void settle(Function function, Instance instance) {
        long limit = nanoCpus(function);
        if (startNanoCpus(function) == limit) {
            return;
        }
        try {
            engine.limitCpus(instance.containerId(), limit);
        } catch (EngineException e) {
            remover.kill(instance, "its CPU limit could not be set: " + e.getMessage());
            throw new ApiException(
                    ErrorCode.START_FAILED,
                    "cannot hold an instance of '" + function.name() + "' to its cpus: " + e.getMessage(),
                    e);
        }
    }
}
