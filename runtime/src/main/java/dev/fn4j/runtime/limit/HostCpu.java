package dev.fn4j.runtime.limit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the host's CPUs were lately, from {@code /proc/stat}: the share of non-idle time
 * between the last two samples, resampled at most every {@link #PERIOD_NANOS}. Where there is no
 * {@code /proc/stat} it reports 0 (never saturated). Thread-safe; cheap enough to ask per call.
 */
public final class HostCpu {

    /**
     * At or above this share of the host's CPU in use, the cores are taken: an instance started
     * past the cores would only share them, and work done ahead of need waits ({@link SpareCpu}).
     */
    public static final double SATURATED = 0.85;

    private static final long PERIOD_NANOS = 250_000_000L;
    private static final Path STAT = Path.of("/proc/stat");

    /** Guarded by this: the last sample's busy and total jiffies, its time, and the busy share. */
    private long busy;

    private long total;
    private long sampledAt = System.nanoTime() - 2 * PERIOD_NANOS;
    private double share;

    /** The busy share of the host's CPU time over the last sampling period, 0 to 1. */
    public synchronized double busy() {
        long now = System.nanoTime();
        if (now - sampledAt < PERIOD_NANOS) {
            return share;
        }
        long[] sample = sample();
        if (sample == null) {
            return 0;
        }
        long dTotal = sample[1] - total;
        if (total > 0 && dTotal > 0) {
            share = Math.min(1, Math.max(0, (double) (sample[0] - busy) / dTotal));
        }
        busy = sample[0];
        total = sample[1];
        sampledAt = now;
        return share;
    }

    /** {busy, total} jiffies of the "cpu" line, or null when unreadable. */
    static long[] parse(String firstLine) {
        String[] fields = firstLine.trim().split("\\s+");
        if (fields.length < 5 || !fields[0].equals("cpu")) {
            return null;
        }
        long total = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }

    private static long[] sample() {
        try (var lines = Files.lines(STAT)) {
            return lines.findFirst().map(HostCpu::parse).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
