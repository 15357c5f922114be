package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.limit.HostCpu;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Decides how many instances of one function to start now, from what its pool sees. An instance
 * starts only for calls that no free slot and no instance already starting will take (warm
 * instances' concurrency is filled first), within {@code maxInstances}, at most
 * {@code maxStarting} at a time (no stampede: one JVM start at a time on a small host). Once one
 * instance is live, another starts only after the oldest call has waited {@code saturationWait}
 * on its saturated slots (latency rising, not a moment's full house), and only while the host's
 * CPU is not saturated: the instances' quotas do not count the runtime's own share, which carries
 * every call, so a second JVM on busy cores serves fewer calls, not more (docs/benchmarks.md); past
 * the instances whose CPU quotas fill the host's cores, one at a time (more JVMs than cores add
 * no capacity to CPU-bound calls, only to calls that wait on something else); and never
 * beyond the memory that is free without evicting another function's warm instances.
 * {@code minInstances} is always kept. Stateless apart from its inputs; thread-safe.
 */
public final class ScaleOut {

    /** In production, how long a call waits on saturated instances before one more may start. */
    static final Duration SATURATION_WAIT = Duration.ofMillis(10);

    /**
     * What the pool sees now.
     *
     * @param live ready instances of the current revision
     * @param starting instances of the current revision being started
     * @param waiting calls waiting for a slot (every live slot is taken when this is above 0)
     * @param oldestWait how long the oldest waiting call has waited; zero when none waits
     * @param memoryAvailable bytes of the memory budget no instance holds
     */
    public record Demand(int live, int starting, int waiting, Duration oldestWait, long memoryAvailable) {}

    private final int hostCpus;
    /** The host's CPU: how busy it was lately, from 0 (idle) to 1 (every core busy). */
    private final DoubleSupplier cpu;

    private final Duration saturationWait;
    /** The most instances of one function starting at once; at least 1. */
    private final int maxStarting;

    /**
     * @param hostCpus the cores instances share
     * @param cpu the host's recent CPU use
     * @param saturationWait how long the oldest call waits on saturated instances before an
     *     instance past the first may start
     * @param maxStarting the most instances of one function starting at once
     */
    public ScaleOut(int hostCpus, DoubleSupplier cpu, Duration saturationWait, int maxStarting) {
        if (hostCpus < 1) {
            throw new IllegalArgumentException("hostCpus must be at least 1: " + hostCpus);
        }
        if (saturationWait.isNegative()) {
            throw new IllegalArgumentException("saturationWait must not be negative: " + saturationWait);
        }
        if (maxStarting < 1) {
            throw new IllegalArgumentException("maxStarting must be at least 1: " + maxStarting);
        }
        this.maxStarting = maxStarting;
        this.hostCpus = hostCpus;
        this.cpu = cpu;
        this.saturationWait = saturationWait;
    }

    /**
     * For this host: its cores, its CPU use from {@code cpu}, {@link #SATURATION_WAIT}, and one
     * start at a time per function.
     */
    public static ScaleOut forHost(HostCpu cpu) {
        return new ScaleOut(Runtime.getRuntime().availableProcessors(), cpu::busy, SATURATION_WAIT, 1);
    }

    /** Bound by {@code maxInstances} alone, as if cores and CPU were endless: for tests of other rules. */
    public static ScaleOut unbounded() {
        return new ScaleOut(Integer.MAX_VALUE / 2, () -> 0, Duration.ZERO, Integer.MAX_VALUE);
    }

    /** How many instances to start now; 0 or more. */
    public int toStart(FunctionSpec spec, Demand now) {
        FunctionSpec.Scaling scaling = spec.scaling();
        int running = now.live() + now.starting();
        int room = scaling.maxInstances() - running;
        int belowMinimum = scaling.minInstances() - running;
        if (room <= 0) {
            return Math.max(0, belowMinimum);
        }
        // Calls that neither a free slot nor an instance already starting will take.
        int uncovered = ceilDiv(now.waiting(), spec.concurrency()) - now.starting();
        int wanted = uncovered;
        if (now.live() > 0 && now.oldestWait().compareTo(saturationWait) < 0) {
            // Saturated on concurrency only a moment: a slot may free up sooner than a JVM starts.
            wanted = 0;
        }
        int cpuFit = Math.max(1, (int) Math.floor(hostCpus / spec.cpus() + 1e-9));
        if (running > 0 && cpu.getAsDouble() >= HostCpu.SATURATED) {
            // Every core is busy: another JVM would only share them with the live instances and
            // with the runtime that carries their calls, which then serves fewer, not more.
            wanted = 0;
        } else if (running >= cpuFit) {
            // The CPU is not saturated (running > 0 here): past the cores, one start at a time.
            wanted = now.starting() == 0 ? Math.min(wanted, 1) : 0;
        } else {
            wanted = Math.min(wanted, cpuFit - running);
        }
        wanted = Math.min(wanted, maxStarting - now.starting());
        if (running > 0) {
            // Scaling out never evicts another function's warm instance: only free memory counts.
            long free = now.memoryAvailable() - (long) now.starting() * spec.memoryBytes();
            wanted = (int) Math.min(wanted, Math.max(0, free / spec.memoryBytes()));
        }
        return Math.max(0, Math.max(Math.min(wanted, room), belowMinimum));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
