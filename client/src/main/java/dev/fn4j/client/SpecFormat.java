package dev.fn4j.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats and ranges the runtime accepts for a function's name and settings (docs/api.md),
 * checked on the client side so that a tool can reject a bad value before it builds or uploads
 * anything. Each parser throws an {@link IllegalArgumentException} whose message says what is
 * accepted, for example {@code use <n>ms, <n>s or <n>m, e.g. 30s}.
 */
public final class SpecFormat {

    /** The function name rule, in words. */
    public static final String NAME_RULE = "1 to 63 lower-case letters, digits and '-', "
            + "starting with a letter and not ending with '-'";
    /** The accepted timeout format, in words. */
    public static final String TIMEOUT_FORMAT = "<n>ms, <n>s or <n>m, e.g. 30s";
    /** The accepted memory format, in words. */
    public static final String MEMORY_FORMAT = "<n>m or <n>g, e.g. 256m";
    /** The accepted idle timeout format, in words: the timeout's, with a fitting example. */
    public static final String IDLE_TIMEOUT_FORMAT = "<n>ms, <n>s or <n>m, e.g. 10m";
    /** The accepted rate limit format, in words. */
    public static final String RATE_LIMIT_FORMAT =
            "<perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20";

    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern MEMORY = Pattern.compile("([0-9]{1,9})(m|g)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RATE_LIMIT =
            Pattern.compile("([0-9]{1,9})/s(?:\\s*,\\s*burst=([0-9]{1,9}))?");

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration MAX_IDLE_TIMEOUT = Duration.ofMinutes(1440);
    private static final long MIN_MEMORY_MB = 64;
    private static final long MAX_MEMORY_MB = 16 * 1024;
    private static final int MAX_INSTANCES = 100;
    private static final int MAX_QUEUE = 10_000;
    private static final int MAX_RATE = 1_000_000;

    private SpecFormat() {}

    /** Whether {@code name} is a valid function name ({@link #NAME_RULE}). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Parses a timeout such as {@code 30s}.
     *
     * @throws IllegalArgumentException when the value is not {@link #TIMEOUT_FORMAT} or is
     *     outside 1ms to 15m
     */
    public static Duration parseTimeout(String value) {
        return parseDuration(value, TIMEOUT_FORMAT, MAX_TIMEOUT, "use 1ms to 15m");
    }

    /**
     * Parses an idle timeout such as {@code 10m}.
     *
     * @throws IllegalArgumentException when the value is not {@link #IDLE_TIMEOUT_FORMAT} or is
     *     outside 1ms to 1440m (a day)
     */
    public static Duration parseIdleTimeout(String value) {
        return parseDuration(value, IDLE_TIMEOUT_FORMAT, MAX_IDLE_TIMEOUT, "use 1ms to 1440m");
    }

    private static Duration parseDuration(String value, String format, Duration max, String range) {
        Duration d = Durations.parse(value, Durations.SPEC_UNITS);
        if (d == null) {
            throw new IllegalArgumentException("use " + format);
        }
        if (d.compareTo(MIN_TIMEOUT) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(range);
        }
        return d;
    }

    /**
     * Parses a memory limit such as {@code 256m} and returns it in mebibytes.
     *
     * @throws IllegalArgumentException when the value is not {@link #MEMORY_FORMAT} or is
     *     outside 64m to 16g
     */
    public static long parseMemoryMegabytes(String value) {
        Matcher m = value == null ? null : MEMORY.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("use " + MEMORY_FORMAT);
        }
        long n = Long.parseLong(m.group(1));
        long mb = m.group(2).equals("g") ? n * 1024 : n;
        if (mb < MIN_MEMORY_MB || mb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("use 64m to 16g");
        }
        return mb;
    }

    /**
     * Checks a CPU quota.
     *
     * @throws IllegalArgumentException when it is below 0.01 or not a finite number
     */
    public static double checkCpus(double cpus) {
        if (!Double.isFinite(cpus) || cpus < 0.01) {
            throw new IllegalArgumentException("use a number of cores from 0.01 up, e.g. 0.5");
        }
        return cpus;
    }

    /**
     * Checks a per-instance concurrency.
     *
     * @throws IllegalArgumentException when it is outside 1 to 1000
     */
    public static int checkConcurrency(int concurrency) {
        return inRange(concurrency, 1, 1000);
    }

    /**
     * Checks a minimum instance count.
     *
     * @throws IllegalArgumentException when it is outside 0 to 100
     */
    public static int checkMinInstances(int minInstances) {
        return inRange(minInstances, 0, MAX_INSTANCES);
    }

    /**
     * Checks a maximum instance count.
     *
     * @throws IllegalArgumentException when it is outside 1 to 100
     */
    public static int checkMaxInstances(int maxInstances) {
        return inRange(maxInstances, 1, MAX_INSTANCES);
    }

    /**
     * Checks a queue length.
     *
     * @throws IllegalArgumentException when it is outside 0 to 10000
     */
    public static int checkMaxQueue(int maxQueue) {
        return inRange(maxQueue, 0, MAX_QUEUE);
    }

    /**
     * Parses a rate limit such as {@code 10/s} or {@code 10/s,burst=20}.
     *
     * @throws IllegalArgumentException when the value is not {@link #RATE_LIMIT_FORMAT}, or the
     *     rate or burst is outside 1 to 1000000
     */
    public static RateLimit parseRateLimit(String value) {
        Matcher m = value == null ? null : RATE_LIMIT.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("use " + RATE_LIMIT_FORMAT);
        }
        int perSecond = Integer.parseInt(m.group(1));
        if (perSecond < 1 || perSecond > MAX_RATE) {
            throw new IllegalArgumentException("use 1/s to " + MAX_RATE + "/s");
        }
        if (m.group(2) == null) {
            return RateLimit.perSecond(perSecond);
        }
        int burst = Integer.parseInt(m.group(2));
        if (burst < 1 || burst > MAX_RATE) {
            throw new IllegalArgumentException("use a burst of 1 to " + MAX_RATE);
        }
        return new RateLimit(perSecond, burst);
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("use " + min + " to " + max);
        }
        return value;
    }

    /**
     * Checks the name of an environment (configuration) variable.
     *
     * @throws IllegalArgumentException when it is not {@code [A-Za-z_][A-Za-z0-9_]*} or starts
     *     with {@code FN4J_}, which the platform keeps for itself
     */
    public static String checkEnvName(String name) {
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("use letters, digits and '_', not starting with a digit");
        }
        if (name.startsWith("FN4J_")) {
            throw new IllegalArgumentException("names starting with FN4J_ are reserved for the platform");
        }
        return name;
    }
}
