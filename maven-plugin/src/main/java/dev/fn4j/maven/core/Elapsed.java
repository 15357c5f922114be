package dev.fn4j.maven.core;

import java.time.Duration;
import java.util.Locale;

/** Formats how long a step took: {@code 850 ms}, {@code 2.4 s}, {@code 1 min 5 s}. */
public final class Elapsed {

    private Elapsed() {}

    /** The time since {@code startNanos}, a {@link System#nanoTime()} value. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The duration in words a person reads at a glance. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min " + (ms % 60_000) / 1000 + " s";
    }
}
