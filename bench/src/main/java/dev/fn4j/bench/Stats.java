package dev.fn4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Small formatting and order-statistics helpers shared by the phases. */
final class Stats {

    private Stats() {}

    /** A histogram of nanosecond latencies from 1 µs to 2 min at 3 significant digits. */
    static Histogram histogram() {
        return new Histogram(1_000L, 120_000_000_000L, 3);
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(1_000L, Math.min(nanos, h.getHighestTrackableValue())));
    }

    /** Microseconds with one decimal below 100 µs, whole above, as "123 µs". */
    static String micros(double nanos) {
        double us = nanos / 1_000.0;
        if (us >= 10_000) {
            return String.format(Locale.ROOT, "%.1f ms", us / 1_000.0);
        }
        return us < 100 ? String.format(Locale.ROOT, "%.1f µs", us) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1_000_000.0);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** "median (min – max)" in milliseconds. */
    static String msSpread(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "n/a";
        }
        return millis(median(nanos)) + " ("
                + String.format(Locale.ROOT, "%.0f–%.0f", min(nanos) / 1e6, max(nanos) / 1e6) + ")";
    }
}
