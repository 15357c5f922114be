package dev.fn4j.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How an asynchronous call that failed is tried again: up to {@code retries} more attempts, the
 * n-th retry after a random wait of up to {@code backoff × 2^(n-1)} capped at {@code maxBackoff}
 * (full jitter), for the failures in {@code on}. Written {@code 3} or
 * {@code 3,backoff=1s,maxBackoff=1m,on=error+timeout+crash}; what is left out takes the defaults
 * of {@link #of(int)}.
 *
 * @param retries attempts after the first, 1 to {@link #MAX_RETRIES}
 * @param backoff the first retry's longest wait, 1ms to {@link #MAX_BACKOFF}
 * @param maxBackoff the longest wait of any retry, from {@code backoff} to {@link #MAX_BACKOFF}
 * @param on the failures retried, not empty
 */
public record RetryPolicy(int retries, Duration backoff, Duration maxBackoff, Set<Failure> on) {

    /** A failure an attempt may end with, by the word the format uses. */
    public enum Failure {
        /** The handler threw. */
        ERROR,
        /** The attempt ran past the function's timeout. */
        TIMEOUT,
        /** The instance crashed or ran out of memory. */
        CRASH;

        /** As written: {@code error}, {@code timeout}, {@code crash}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int MAX_RETRIES = 100;
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);
    /** The accepted format, in words. */
    public static final String FORMAT =
            "<retries>[,backoff=<duration>][,maxBackoff=<duration>][,on=<failure>+...] with failures error,"
                    + " timeout, crash";
    /** An example of the format. */
    public static final String EXAMPLE = "3,backoff=1s,maxBackoff=1m,on=error+timeout+crash";

    public RetryPolicy {
        if (retries < 1 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be 1 to " + MAX_RETRIES + ": " + retries);
        }
        if (backoff.toMillis() < 1 || backoff.compareTo(maxBackoff) > 0 || maxBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException(
                    "need 1ms <= backoff <= maxBackoff <= 1h: backoff=" + backoff + ", maxBackoff=" + maxBackoff);
        }
        if (on.isEmpty()) {
            throw new IllegalArgumentException("on must name at least one failure");
        }
        on = Set.copyOf(on);
    }

    /** {@code retries} retries of every failure, waiting up to 1s, 2s, 4s, … capped at 1m. */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF, EnumSet.allOf(Failure.class));
    }

    /**
     * Parses the text form.
     *
     * @throws SpecException naming {@code field} and the value when it breaks the format or a range
     */
    public static RetryPolicy parse(String field, String value) {
        String fix = "use " + FORMAT + ", e.g. " + EXAMPLE;
        if (value == null || value.isBlank()) {
            throw new SpecException(field, value, "not a retry policy", fix);
        }
        String[] parts = value.split(",", -1);
        int retries;
        try {
            retries = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new SpecException(field, value, "not a retry policy", fix);
        }
        if (retries < 1 || retries > MAX_RETRIES) {
            throw new SpecException(field, value, Rules.OUT_OF_RANGE, "use 1 to " + MAX_RETRIES + " retries");
        }
        Duration backoff = DEFAULT_BACKOFF;
        Duration maxBackoff = null;
        Set<Failure> on = EnumSet.allOf(Failure.class);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String text = eq < 0 ? "" : part.substring(eq + 1).strip();
            switch (key.strip()) {
                case "backoff" -> backoff = duration(field, value, "backoff", text);
                case "maxBackoff" -> maxBackoff = duration(field, value, "maxBackoff", text);
                case "on" -> on = failures(field, value, text);
                default ->
                    throw new SpecException(
                            field, value, "not a retry policy", "'" + key.strip() + "' is not a retry setting; " + fix);
            }
        }
        if (maxBackoff == null) {
            maxBackoff = backoff.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? backoff : DEFAULT_MAX_BACKOFF;
        }
        if (backoff.compareTo(maxBackoff) > 0) {
            throw new SpecException(field, value, Rules.OUT_OF_RANGE, "use a maxBackoff of at least the backoff");
        }
        return new RetryPolicy(retries, backoff, maxBackoff, on);
    }

    private static Duration duration(String field, String value, String key, String text) {
        Duration d = Durations.parse(text, Durations.SPEC_UNITS);
        if (d == null) {
            throw new SpecException(
                    field,
                    value,
                    "not a retry policy",
                    "write " + key + " as <n>ms, <n>s or <n>m, e.g. " + key + "=1s");
        }
        if (d.toMillis() < 1 || d.compareTo(MAX_BACKOFF) > 0) {
            throw new SpecException(field, value, Rules.OUT_OF_RANGE, "use a " + key + " from 1ms to 60m");
        }
        return d;
    }

    private static Set<Failure> failures(String field, String value, String text) {
        Set<Failure> on = EnumSet.noneOf(Failure.class);
        for (String word : text.split("\\+", -1)) {
            Failure failure = null;
            for (Failure f : Failure.values()) {
                if (f.word().equals(word.strip())) {
                    failure = f;
                }
            }
            if (failure == null) {
                throw new SpecException(
                        field,
                        value,
                        "not a retry policy",
                        "'" + word.strip() + "' is not a failure; write on= as error, timeout or crash joined"
                                + " by +, e.g. on=error+crash");
            }
            on.add(failure);
        }
        return on;
    }

    /** The text form; {@code parse(format())} equals this. */
    public String format() {
        StringBuilder text = new StringBuilder().append(retries);
        if (!backoff.equals(DEFAULT_BACKOFF) || !maxBackoff.equals(DEFAULT_MAX_BACKOFF)) {
            text.append(",backoff=").append(Durations.format(backoff));
            text.append(",maxBackoff=").append(Durations.format(maxBackoff));
        }
        if (on.size() < Failure.values().length) {
            List<String> words = new ArrayList<>();
            for (Failure f : Failure.values()) {
                if (on.contains(f)) {
                    words.add(f.word());
                }
            }
            text.append(",on=").append(String.join("+", words));
        }
        return text.toString();
    }

    /**
     * The longest wait before retry number {@code retry} (1 for the first):
     * {@code backoff × 2^(retry-1)}, at most {@code maxBackoff}.
     */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1: " + retry);
        }
        int shift = Math.min(retry - 1, 40);
        long ms = backoff.toMillis() << shift;
        return ms <= 0 || ms > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(ms);
    }
}
