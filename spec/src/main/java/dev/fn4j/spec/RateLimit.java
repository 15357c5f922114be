package dev.fn4j.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's token bucket: {@code perSecond} calls a second on average, bursts of up to
 * {@code burst} at once. Written {@code 10/s} (the burst is the rate) or {@code 10/s,burst=20}.
 *
 * @param perSecond tokens added each second, at least 1 ({@link #parse} allows up to {@link #MAX})
 * @param burst the bucket's capacity, at least 1 ({@link #parse} allows up to {@link #MAX})
 */
public record RateLimit(int perSecond, int burst) {

    /** The largest rate and burst. */
    public static final int MAX = 1_000_000;
    /** The accepted format, in words. */
    public static final String FORMAT = "<perSecond>/s or <perSecond>/s,burst=<n>";
    /** An example of the format. */
    public static final String EXAMPLE = "10/s,burst=20";

    private static final Pattern RATE_LIMIT = Pattern.compile("([0-9]{1,9})/s(?:\\s*,\\s*burst=([0-9]{1,9}))?");

    public RateLimit {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }

    /**
     * Parses {@code 10/s} or {@code 10/s,burst=20}.
     *
     * @throws SpecException when the value is not {@link #FORMAT}, or the rate or burst is
     *     outside 1 to {@link #MAX}
     */
    public static RateLimit parse(String field, String value) {
        Matcher m = value == null ? null : RATE_LIMIT.matcher(value);
        if (m == null || !m.matches()) {
            throw new SpecException(field, value, "not a rate limit", "use " + FORMAT + ", e.g. " + EXAMPLE);
        }
        int perSecond = Integer.parseInt(m.group(1));
        if (perSecond < 1 || perSecond > MAX) {
            throw new SpecException(field, value, Rules.OUT_OF_RANGE, "use 1/s to " + MAX + "/s");
        }
        int burst = m.group(2) == null ? perSecond : Integer.parseInt(m.group(2));
        if (burst < 1 || burst > MAX) {
            throw new SpecException(field, value, Rules.OUT_OF_RANGE, "use a burst of 1 to " + MAX);
        }
        return new RateLimit(perSecond, burst);
    }

    /** The text form, {@code 10/s} when the burst is the rate, else {@code 10/s,burst=20}. */
    public String format() {
        return burst == perSecond ? perSecond + "/s" : perSecond + "/s,burst=" + burst;
    }
}
