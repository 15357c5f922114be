package dev.fn4j.client;

import java.time.Duration;

/** Formats durations the way the runtime writes them: {@code 250ms}, {@code 30s}, {@code 20m}. */
final class Durations {

    private Durations() {}

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
