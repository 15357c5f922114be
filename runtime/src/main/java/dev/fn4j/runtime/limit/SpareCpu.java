package dev.fn4j.runtime.limit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Runs work done ahead of need (a stem's JVM start costs about a CPU-second) when the host's CPU
 * has room for it, so that calls keep the cores they are using: the work waits at least one
 * {@link #RECHECK} (the host's use is then measured over that wait, not over an older stretch),
 * then runs once the host is less than {@link HostCpu#SATURATED} busy, or once it has waited
 * {@code maxWait}, so that a host busy for good does not put it off for ever. Thread-safe.
 */
public final class SpareCpu {

    /** How often waiting work asks again. */
    public static final Duration RECHECK = Duration.ofMillis(500);
    /** The longest work waits for spare CPU before it runs anyway. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final DoubleSupplier busy;
    private final Executor now;
    /** Runs a task {@link #RECHECK} later (on {@link #now}'s threads in production). */
    private final Executor later;

    private final LongSupplier nanoTime;
    private final long maxWaitNanos;

    /**
     * @param busy the host's recent CPU use, 0 to 1
     * @param now where the work runs
     * @param later runs a task a {@link #RECHECK} from now
     */
    public SpareCpu(DoubleSupplier busy, Executor now, Executor later, LongSupplier nanoTime, Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        this.busy = busy;
        this.now = now;
        this.later = later;
        this.nanoTime = nanoTime;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** For this host: its CPU use from {@code cpu}, the work run on {@code background}. */
    public static SpareCpu of(HostCpu cpu, Executor background) {
        return new SpareCpu(
                cpu::busy,
                background,
                CompletableFuture.delayedExecutor(RECHECK.toMillis(), TimeUnit.MILLISECONDS, background),
                System::nanoTime,
                MAX_WAIT);
    }

    /**
     * Runs {@code work} on the executor once the host has CPU to spare. Throws {@link
     * java.util.concurrent.RejectedExecutionException} when an executor no longer takes tasks.
     */
    public void run(Runnable work) {
        long since = nanoTime.getAsLong();
        // Starts the measurement the first check reads.
        busy.getAsDouble();
        later.execute(() -> attempt(work, since));
    }

    private void attempt(Runnable work, long since) {
        if (busy.getAsDouble() < HostCpu.SATURATED || nanoTime.getAsLong() - since >= maxWaitNanos) {
            now.execute(work);
        } else {
            later.execute(() -> attempt(work, since));
        }
    }
}
