package dev.fn4j.runtime.schedule;

import static dev.fn4j.runtime.error.Messages.quote;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function's schedule: a Quartz cron expression (seconds first) read in a time zone, and the
 * ticks it fires at. Immutable and thread-safe; ticks are whole seconds.
 */
public final class CronSchedule {

    /** Quartz's dialect: 6 or 7 fields, seconds first, one of day-of-month and day-of-week '?'. */
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;
    private final boolean missedRunOnce;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times, boolean missedRunOnce) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
        this.missedRunOnce = missedRunOnce;
    }

    /**
     * The spec's schedule, or empty when it has none.
     *
     * @throws ApiException 400 {@code invalid_spec} naming the expression when it does not parse
     */
    public static Optional<CronSchedule> of(FunctionSpec spec) {
        String expression = spec.settings().get(Field.SCHEDULE);
        if (expression == null) {
            return Optional.empty();
        }
        ExecutionTime times;
        try {
            times = ExecutionTime.forCron(PARSER.parse(expression).validate());
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    ErrorCode.INVALID_SPEC,
                    "\"schedule\" must be a Quartz cron expression of 6 or 7 fields, seconds first, with '?' in"
                            + " day-of-month or day-of-week, e.g. \"0 */5 * * * ?\": " + quote(expression) + " ("
                            + e.getMessage() + ")");
        }
        ZoneId zone = ZoneId.of(spec.settings().get(Field.SCHEDULE_ZONE));
        boolean runOnce = "run-once".equals(spec.settings().get(Field.MISSED_TICKS));
        return Optional.of(new CronSchedule(expression, zone, times, runOnce));
    }

    /** Checks the spec's schedule, for the deploy boundary; see {@link #of}. */
    public static void check(FunctionSpec spec) {
        of(spec);
    }

    /** The first tick strictly after {@code after}, or empty when there is none. */
    public Optional<Instant> next(Instant after) {
        // cron-utils keeps an input's fraction of a second in its answer: ticks are whole seconds.
        Instant second = after.truncatedTo(ChronoUnit.SECONDS);
        return times.nextExecution(ZonedDateTime.ofInstant(second, zone)).map(ZonedDateTime::toInstant);
    }

    /** The last tick strictly before {@code before}, or empty when there is none. */
    public Optional<Instant> last(Instant before) {
        Instant second = before.truncatedTo(ChronoUnit.SECONDS);
        Instant bound = second.equals(before) ? second : second.plusSeconds(1);
        return times.lastExecution(ZonedDateTime.ofInstant(bound, zone)).map(ZonedDateTime::toInstant);
    }

    /** The next {@code count} ticks strictly after {@code after}, fewer when the schedule ends. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> ticks = new ArrayList<>(count);
        Instant at = after;
        while (ticks.size() < count) {
            Optional<Instant> tick = next(at);
            if (tick.isEmpty()) {
                break;
            }
            at = tick.get();
            ticks.add(at);
        }
        return ticks;
    }

    /** Whether the ticks missed while no runtime ran start one invocation ({@code run-once}) or none. */
    public boolean missedRunOnce() {
        return missedRunOnce;
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }
}
