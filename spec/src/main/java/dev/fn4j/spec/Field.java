package dev.fn4j.spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One setting of a function: its name (the JSON field and the plugin's pom element), its
 * default, its limits, its text form and its messages. {@link #ALL} is the catalogue every
 * boundary iterates; adding a setting is adding a constant here.
 *
 * @param <T> the parsed value's type
 */
public final class Field<T> {

    /** How a value is written in JSON, so that a JSON boundary knows which node to expect. */
    public enum Kind {
        /** A JSON string in this field's text form, such as {@code "30s"}. */
        TEXT,
        /** A JSON number. */
        NUMBER,
        /** A JSON whole number from {@link #min()} to {@link #max()}. */
        WHOLE_NUMBER,
        /** A JSON boolean. */
        BOOLEAN,
        /** A JSON object {@code {"perSecond": n, "burst": n}}. */
        RATE_LIMIT
    }

    /** The smallest CPU quota. */
    public static final double MIN_CPUS = 0.01;

    /**
     * {@link #CONCURRENCY}'s bounds as constants, which the compiler copies into the code that
     * reads them: a function's host checks its concurrency with them at start-up without
     * initialising this class, whose fields' checks would cost it tens of milliseconds of lambda
     * set-up before its first call.
     */
    public static final int CONCURRENCY_MIN = 1;

    /** See {@link #CONCURRENCY_MIN}. */
    public static final int CONCURRENCY_MAX = 1000;

    /** The time limit of one call. */
    public static final Field<Duration> TIMEOUT =
            duration("timeout", Duration.ofSeconds(30), Duration.ofMinutes(15), "30s");
    /** The memory limit of one instance, in bytes. */
    public static final Field<Long> MEMORY = new Field<>(
            "memory",
            Kind.TEXT,
            256 * MemorySize.MIB,
            64 * MemorySize.MIB,
            16 * MemorySize.GIB,
            "<n>m or <n>g",
            "256m",
            "64m to 16g",
            FieldParsers::parseMemory,
            MemorySize::format);
    /**
     * The size of the instance's private, writable {@code /tmp} (java.io.tmpdir), in bytes. What
     * is written there counts against {@link #MEMORY}: a tmpfs lives in the instance's memory.
     */
    public static final Field<Long> TMP_SIZE = new Field<>(
            "tmpSize",
            Kind.TEXT,
            64 * MemorySize.MIB,
            MemorySize.MIB,
            MemorySize.GIB,
            "<n>m or <n>g",
            "64m",
            "1m to 1g",
            FieldParsers::parseMemory,
            MemorySize::format);
    /** The CPU quota of one instance, in cores; the runtime caps it at the machine's cores. */
    public static final Field<Double> CPUS = new Field<>(
            "cpus",
            Kind.NUMBER,
            1.0,
            0,
            0,
            "a number of cores",
            "0.5",
            "0.01 up",
            FieldParsers::parseCpus,
            String::valueOf);
    /**
     * The calls in flight per instance. 16 by default: one warm JVM then keeps a small host's cores
     * busy without more JVMs (see docs/benchmarks.md, Scale-out); 1 for handlers that are not
     * thread-safe.
     */
    public static final Field<Integer> CONCURRENCY = whole("concurrency", 16, CONCURRENCY_MIN, CONCURRENCY_MAX);
    /** The instances started at deploy and kept warm; at most {@link #MAX_INSTANCES}. */
    public static final Field<Integer> MIN_INSTANCES = whole("minInstances", 0, 0, 100);
    /** The most instances at once. */
    public static final Field<Integer> MAX_INSTANCES = whole("maxInstances", 10, 1, 100);
    /** How long an idle instance above the minimum lives. */
    public static final Field<Duration> IDLE_TIMEOUT =
            duration("idleTimeout", Duration.ofMinutes(10), Duration.ofDays(1), "10m");
    /** The calls that may wait for a free instance. */
    public static final Field<Integer> MAX_QUEUE = whole("maxQueue", 100, 0, 10_000);
    /** The function's token bucket; none by default. */
    public static final Field<RateLimit> RATE_LIMIT = new Field<>(
            "rateLimit",
            Kind.RATE_LIMIT,
            null,
            1,
            RateLimit.MAX,
            RateLimit.FORMAT,
            RateLimit.EXAMPLE,
            "1 to " + RateLimit.MAX,
            (f, text, ranged) -> RateLimit.parse(f.name, text),
            RateLimit::format);
    /** Whether the HTTP trigger answers callers without an API key. */
    public static final Field<Boolean> PUBLIC = new Field<>(
            "public",
            Kind.BOOLEAN,
            false,
            0,
            0,
            "true or false",
            "true",
            "",
            FieldParsers::parseBoolean,
            String::valueOf);

    /** What the function does, in the user's words; shown by {@code GET /v1/functions/{name}}. */
    public static final Field<String> DESCRIPTION = new Field<>(
            "description",
            Kind.TEXT,
            "",
            0,
            256,
            "text of at most 256 characters without control characters",
            "Greets people",
            "",
            FieldParsers::parseText,
            text -> text);

    /**
     * The most asynchronous calls of the function that may wait or run at once; past it an
     * asynchronous call is refused with 429 {@code backlog_full}.
     */
    public static final Field<Integer> MAX_BACKLOG = whole("maxBacklog", 100_000, 1, 10_000_000);
    /** How a failed asynchronous call is tried again before it is dead-lettered; none by default. */
    public static final Field<RetryPolicy> RETRIES = new Field<>(
            "retries",
            Kind.TEXT,
            null,
            0,
            0,
            RetryPolicy.FORMAT,
            RetryPolicy.EXAMPLE,
            "",
            (f, text, ranged) -> RetryPolicy.parse(f.name, text),
            RetryPolicy::format);
    /** When the runtime starts an invocation on its own: a Quartz cron expression; none by default. */
    public static final Field<String> SCHEDULE = text("schedule", null, CronSyntax.EXAMPLE, CronSyntax::parseCron);
    /** The IANA time zone {@link #SCHEDULE} is read in. */
    public static final Field<String> SCHEDULE_ZONE =
            text("scheduleZone", "UTC", "Europe/Paris", CronSyntax::parseZone);
    /** What to do with the ticks of {@link #SCHEDULE} missed while no runtime ran: run-once or skip. */
    public static final Field<String> MISSED_TICKS = text("missedTicks", "run-once", "skip", CronSyntax::parseMissed);

    /** Every setting, in the order the API documents them. */
    public static final List<Field<?>> ALL = List.of(
            TIMEOUT,
            MEMORY,
            TMP_SIZE,
            CPUS,
            CONCURRENCY,
            MIN_INSTANCES,
            MAX_INSTANCES,
            IDLE_TIMEOUT,
            MAX_QUEUE,
            RATE_LIMIT,
            PUBLIC,
            DESCRIPTION,
            MAX_BACKLOG,
            RETRIES,
            SCHEDULE,
            SCHEDULE_ZONE,
            MISSED_TICKS);

    /** Reads a text form; checks the range only when {@code ranged}. */
    private interface Parser<T> {
        T parse(Field<T> field, String text, boolean ranged);
    }

    /** The name, such as {@code timeout}: the JSON field, the pom element, the -Dfn. suffix. */
    private final String name;

    private final Kind kind;
    /** The value when unset; null for none. */
    private final T defaultValue;
    /** The range of a duration (ms), a memory size (bytes) or a whole number; min ≤ max. */
    private final long min;

    private final long max;
    /** The form in words, such as {@code <n>ms, <n>s or <n>m}. */
    private final String format;

    private final String example;
    /** The range in words, such as {@code 1ms to 15m}. */
    private final String range;

    private final Parser<T> parser;
    private final Function<T, String> formatter;

    private Field(
            String name,
            Kind kind,
            T defaultValue,
            long min,
            long max,
            String format,
            String example,
            String range,
            Parser<T> parser,
            Function<T, String> formatter) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.format = format;
        this.example = example;
        this.range = range;
        this.parser = parser;
        this.formatter = formatter;
    }

    private static Field<Duration> duration(String name, Duration defaultValue, Duration max, String example) {
        return new Field<>(
                name,
                Kind.TEXT,
                defaultValue,
                1,
                max.toMillis(),
                "<n>ms, <n>s or <n>m",
                example,
                "1ms to " + Durations.format(max),
                FieldParsers::parseDuration,
                Durations::format);
    }

    /** A text field without a range; {@code parse(name, text)} returns its normal form. */
    private static Field<String> text(String name, String def, String example, BiFunction<String, String, String> p) {
        String format = CronSyntax.format(name);
        return new Field<>(name, Kind.TEXT, def, 0, 0, format, example, "", (f, t, r) -> p.apply(name, t), t -> t);
    }

    private static Field<Integer> whole(String name, int defaultValue, int min, int max) {
        return new Field<>(
                name,
                Kind.WHOLE_NUMBER,
                defaultValue,
                min,
                max,
                "a whole number",
                String.valueOf(defaultValue),
                min + " to " + max,
                FieldParsers::parseWhole,
                String::valueOf);
    }

    /** The name: the JSON field, the pom element and the {@code -Dfn.} property's suffix. */
    public String name() {
        return name;
    }

    /** How the value is written in JSON. */
    public Kind kind() {
        return kind;
    }

    /** The value the runtime applies when the setting is unset; null for none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The smallest whole number, duration in ms, or size in bytes accepted. */
    public long min() {
        return min;
    }

    /** The largest whole number, duration in ms, or size in bytes accepted. */
    public long max() {
        return max;
    }

    /** The form in words with an example, such as {@code <n>ms, <n>s or <n>m, e.g. 30s}. */
    public String format() {
        return format + ", e.g. " + example;
    }

    /**
     * What a value must be, for a message that quotes it after a colon, such as
     * {@code <n>ms, <n>s or <n>m, for example 30s, from 1ms to 15m}.
     */
    public String mustBe() {
        if (range.isEmpty()) {
            return format + ", for example " + example;
        }
        return kind == Kind.TEXT ? format + ", for example " + example + ", from " + range : format + " from " + range;
    }

    /**
     * Parses the text form, such as {@code 30s}.
     *
     * @throws SpecException naming this field and the value when it breaks the rule
     */
    public T parse(String text) {
        return parser.parse(this, text, true);
    }

    /**
     * Parses a text form this runtime wrote earlier: the form is checked, the range is not, so
     * that a stored value still reads after a limit changes.
     *
     * @throws SpecException when the text is not in this field's form
     */
    public T parseStored(String text) {
        return parser.parse(this, text, false);
    }

    /** The text form of a value; {@code parse(format(v))} equals {@code v}. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /**
     * The value as plain Java for a JSON writer, as {@link #kind()} says: the text form, the
     * number, the boolean, or for a rate limit a map {@code {perSecond, burst}}.
     */
    public Object toPlain(T value) {
        return switch (kind) {
            case TEXT -> format(value);
            case RATE_LIMIT -> {
                RateLimit rate = (RateLimit) value;
                Map<String, Object> plain = new LinkedHashMap<>();
                plain.put("perSecond", rate.perSecond());
                // Left out when it is the rate: the API's default burst.
                if (rate.burst() != rate.perSecond()) {
                    plain.put("burst", rate.burst());
                }
                yield plain;
            }
            default -> value;
        };
    }

    /** The form in words without its example, such as {@code <n>ms, <n>s or <n>m}. */
    String bareFormat() {
        return format;
    }

    /** An example value, such as {@code 30s}. */
    String example() {
        return example;
    }

    /** The range in words, such as {@code 1ms to 15m}; empty for none. */
    String range() {
        return range;
    }

    @Override
    public String toString() {
        return name;
    }

    SpecException notInFormat(String text, String problem) {
        return new SpecException(name, text, problem, "use " + format());
    }

    SpecException outOfRange(String text) {
        return new SpecException(name, text, Rules.OUT_OF_RANGE, "use " + range);
    }
}
