package dev.fn4j.runtime.engine;

/**
 * A CPU limit as the kernel's CFS bandwidth control takes it: a quota of CPU time per period. The
 * one place that turns billionths of a CPU into Docker's {@code CpuPeriod} and {@code CpuQuota},
 * which a running container's limit can be updated through (its {@code NanoCpus} cannot).
 */
final class CpuQuota {

    /** The period every instance gets: the kernel's and Docker's default, 100 ms. */
    static final long PERIOD_MICROS = 100_000;
    /** The smallest quota the kernel takes, 1 ms per period. */
    static final long MIN_QUOTA_MICROS = 1_000;

    private CpuQuota() {}

    /** The quota per {@link #PERIOD_MICROS} for {@code nanoCpus} billionths of a CPU. */
    static long quotaMicros(long nanoCpus) {
        if (nanoCpus <= 0) {
            throw new IllegalArgumentException("nanoCpus must be positive: " + nanoCpus);
        }
        return Math.max(MIN_QUOTA_MICROS, Math.round(nanoCpus * (double) PERIOD_MICROS / 1_000_000_000L));
    }
}
