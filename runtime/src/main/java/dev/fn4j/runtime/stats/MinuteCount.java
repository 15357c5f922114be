package dev.fn4j.runtime.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * One function's calls in one minute.
 *
 * @param minute the minute's start, a whole minute in UTC
 */
public record MinuteCount(String function, Instant minute, Tally tally) {

    public MinuteCount {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(tally, "tally");
        if (minute.getEpochSecond() % 60 != 0 || minute.getNano() != 0) {
            throw new IllegalArgumentException("not the start of a minute: " + minute);
        }
    }

    /** The start of the minute {@code epochMilli} falls in. */
    public static Instant minuteOf(long epochMilli) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMilli, 60_000L) * 60);
    }
}
