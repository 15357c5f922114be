package dev.fn4j.spec;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as every part of fn4j writes them: a whole number and a unit, {@code 250ms},
 * {@code 30s}, {@code 20m}, {@code 12h} or {@code 90d}. Each use allows only some units.
 */
public final class Durations {

    /** The units of a function's timeouts. */
    public static final List<String> SPEC_UNITS = List.of("ms", "s", "m");
    /** The units of an API key's lifetime. */
    public static final List<String> LIFETIME_UNITS = List.of("m", "h", "d");
    /** An API key's lifetime format, in words. */
    public static final String LIFETIME_FORMAT = "<n>m, <n>h or <n>d (minutes, hours, days)," + " for example 90d";

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private Durations() {}

    /** Parses a whole number followed by one of {@code units}; null for anything else. */
    public static Duration parse(String value, List<String> units) {
        Matcher m = value == null ? null : DURATION.matcher(value);
        if (m == null || !m.matches() || !units.contains(m.group(2))) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest exact form in {@link #SPEC_UNITS}: {@code 1500ms}, {@code 30s}, {@code 2m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
