package dev.fn4j.runtime.stats;

import java.util.Arrays;

/**
 * Counts of latencies by {@link LatencyBuckets bucket}; not thread-safe (its owner guards it).
 * Percentiles are read by nearest rank and report the middle of the bucket they fall in.
 */
public final class Histogram {

    /** Invariant: every count is ≥ 0; {@code total} is their sum. */
    private final long[] counts = new long[LatencyBuckets.COUNT];

    private long total;

    /** Counts one latency of {@code nanos}. */
    public void record(long nanos) {
        add(LatencyBuckets.of(nanos), 1);
    }

    /** Adds {@code count} latencies to {@code bucket}. */
    public void add(int bucket, long count) {
        LatencyBuckets.check(bucket);
        if (count < 0) {
            throw new IllegalArgumentException("a bucket count cannot be negative: " + count);
        }
        counts[bucket] += count;
        total += count;
    }

    /** Adds every count of {@code other}. */
    public void addAll(Histogram other) {
        for (int bucket = 0; bucket < counts.length; bucket++) {
            counts[bucket] += other.counts[bucket];
        }
        total += other.total;
    }

    public long count(int bucket) {
        return counts[bucket];
    }

    /** How many latencies were counted. */
    public long total() {
        return total;
    }

    /**
     * The latency in milliseconds below or at which a share {@code quantile} (0 exclusive to 1
     * inclusive) of the counted ones fall, as the middle of its bucket; null when none were
     * counted.
     */
    public Double percentile(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("a quantile is above 0 and at most 1: " + quantile);
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return LatencyBuckets.middleMillis(bucket);
            }
        }
        throw new IllegalStateException("counts do not add up to " + total);
    }

    Histogram copy() {
        Histogram copy = new Histogram();
        copy.addAll(this);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Histogram{");
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (counts[bucket] > 0) {
                text.append(bucket).append('=').append(counts[bucket]).append(' ');
            }
        }
        return text.append('}').toString();
    }
}
