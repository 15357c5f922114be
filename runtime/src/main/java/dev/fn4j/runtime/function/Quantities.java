package dev.fn4j.runtime.function;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations and memory sizes of a function spec ({@code 30s}, {@code 256m})
 * and the lifetime of an API key ({@code 90d}).
 */
public final class Quantities {

    public static final String DURATION_FORMAT = "<n>ms, <n>s or <n>m, for example 30s";
    public static final String MEMORY_FORMAT = "<n>m or <n>g, for example 256m";
    public static final String LIFETIME_FORMAT = "<n>m, <n>h or <n>d (minutes, hours, days),"
            + " for example 90d";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern MEMORY = Pattern.compile("(\\d{1,9})([mMgG])");
    private static final long MIB = 1024L * 1024;

    private Quantities() {}

    /** Parses {@code 500ms}, {@code 30s} or {@code 2m}; null when the text has another shape. */
    public static Duration parseDuration(String text) {
        return parseDuration(text, List.of("ms", "s", "m"));
    }

    /** Parses {@code 30m}, {@code 12h} or {@code 90d}; null when the text has another shape. */
    public static Duration parseLifetime(String text) {
        return parseDuration(text, List.of("m", "h", "d"));
    }

    /** A whole number followed by one of the units; null for anything else. */
    private static Duration parseDuration(String text, List<String> units) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || !units.contains(m.group(2))) {
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

    /** Parses {@code 256m} or {@code 1g} into bytes; -1 when the text has another shape. */
    public static long parseMemory(String text) {
        Matcher m = MEMORY.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return Character.toLowerCase(m.group(2).charAt(0)) == 'g' ? n * 1024 * MIB : n * MIB;
    }

    /** The shortest exact form: {@code 1500ms}, {@code 30s}, {@code 2m}. */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** {@code 1g} for whole gibibytes, otherwise mebibytes: {@code 256m}. */
    public static String formatMemory(long bytes) {
        long gib = 1024 * MIB;
        return bytes % gib == 0 ? bytes / gib + "g" : bytes / MIB + "m";
    }
}
