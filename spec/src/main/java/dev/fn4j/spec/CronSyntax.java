package dev.fn4j.spec;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text rules of a function's schedule, checked without a cron library: a Quartz-style cron
 * expression of 6 or 7 fields (seconds first), an IANA time zone, and the missed-ticks policy.
 * The runtime parses the expression fully and refuses what these rules let through.
 */
final class CronSyntax {

    /** What a schedule looks like, for messages. */
    static final String FORMAT = "a Quartz cron expression of 6 or 7 fields, seconds first";

    static final String EXAMPLE = "0 */5 * * * ?";
    /** The policy that runs one invocation for every tick missed while the runtime was down. */
    static final String RUN_ONCE = "run-once";
    /** The policy that drops the ticks missed while the runtime was down. */
    static final String SKIP = "skip";

    /** One cron field: digits, names, and the operators Quartz knows. */
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?/,#\\-]+");

    private CronSyntax() {}

    /** The form in words of the schedule field {@code name}. */
    static String format(String name) {
        return switch (name) {
            case "schedule" -> FORMAT;
            case "scheduleZone" -> "an IANA time zone";
            default -> RUN_ONCE + " or " + SKIP;
        };
    }

    static String parseCron(String field, String text) {
        String fix = "use " + FORMAT + ", e.g. " + EXAMPLE + " (every 5 minutes)";
        if (text == null || text.isBlank()) {
            throw new SpecException(field, text, "not a cron expression", fix);
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length < 6 || parts.length > 7) {
            throw new SpecException(
                    field, text, "not a Quartz cron expression (it has " + parts.length + " fields)", fix);
        }
        for (String part : parts) {
            if (!FIELD.matcher(part).matches()) {
                throw new SpecException(field, text, "not a cron expression", fix);
            }
        }
        return String.join(" ", parts);
    }

    static String parseZone(String field, String text) {
        try {
            return ZoneId.of(text == null ? "" : text.strip()).getId();
        } catch (DateTimeException e) {
            throw new SpecException(
                    field, text, "not a time zone", "use an IANA time zone such as Europe/Paris or UTC");
        }
    }

    static String parseMissed(String field, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(RUN_ONCE) || value.equals(SKIP)) {
            return value;
        }
        throw new SpecException(field, text, "not a missed-ticks policy", "use " + RUN_ONCE + " or " + SKIP);
    }
}
