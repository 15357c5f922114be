package dev.fn4j.runtime.stats;

/**
 * The fixed, log-scale buckets of a latency histogram, in microseconds: exact below 8 µs, then
 * four equal buckets per doubling (at most 25% wide) up to 2^32 µs (about 71 minutes), the last
 * bucket holding everything longer. Fixed, so that histograms of different minutes and runtimes
 * add up bucket by bucket and a percentile can be read across any span of minutes.
 */
public final class LatencyBuckets {

    /** How many buckets there are; bucket numbers run from 0 to COUNT - 1. */
    public static final int COUNT = 124;

    private static final int EXACT = 8;
    private static final int TOP_EXPONENT = 31;

    private LatencyBuckets() {}

    /** The bucket of a latency of {@code nanos}; negative latencies count as 0. */
    public static int of(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        if (micros < EXACT) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > TOP_EXPONENT) {
            return COUNT - 1;
        }
        int sub = (int) (micros >>> (exponent - 2)) & 3;
        return EXACT + (exponent - 3) * 4 + sub;
    }

    /** The smallest latency in microseconds that falls in {@code bucket}. */
    public static long lowerMicros(int bucket) {
        check(bucket);
        if (bucket < EXACT) {
            return bucket;
        }
        int exponent = 3 + (bucket - EXACT) / 4;
        int sub = (bucket - EXACT) % 4;
        return (4L + sub) << (exponent - 2);
    }

    /** The bucket's middle in milliseconds: the value a percentile falling in it reports. */
    public static double middleMillis(int bucket) {
        long lower = lowerMicros(bucket);
        long upper = bucket == COUNT - 1 ? lower : lowerMicros(bucket + 1);
        return (lower + upper) / 2.0 / 1000.0;
    }

    static void check(int bucket) {
        if (bucket < 0 || bucket >= COUNT) {
            throw new IllegalArgumentException("no latency bucket " + bucket + "; buckets are 0 to " + (COUNT - 1));
        }
    }
}
