package dev.fn4j.runtime.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ticks of a schedule are due now, after the last tick acted on: those within the grace
 * period are on time and each runs; older ones were missed (no runtime ran then) and, per the
 * schedule's policy, the latest of them runs once for all or is skipped.
 *
 * @param run the ticks to run, oldest first
 * @param skipped the latest missed tick when the policy skips them, else null
 */
record TickPlan(List<Instant> run, Instant skipped) {

    /** The most on-time ticks run in one pass: an every-second schedule behind a stall stays bounded. */
    static final int MAX_ON_TIME = 30;

    TickPlan {
        run = List.copyOf(run);
    }

    /**
     * Plans the ticks after {@code after} up to {@code now}.
     *
     * @param grace how late a tick may be acted on and still count as on time, not missed
     */
    static TickPlan of(CronSchedule schedule, Instant after, Instant now, Duration grace) {
        Objects.requireNonNull(after, "after");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        Instant boundary = now.minus(grace);
        List<Instant> run = new ArrayList<>();
        Instant skipped = null;
        Optional<Instant> missed = schedule.last(boundary).filter(tick -> tick.isAfter(after));
        if (missed.isPresent()) {
            if (schedule.missedRunOnce()) {
                run.add(missed.get());
            } else {
                skipped = missed.get();
            }
        }
        Instant from = later(after, boundary.minusMillis(1));
        for (Instant tick : schedule.next(from, MAX_ON_TIME)) {
            if (tick.isAfter(now)) {
                break;
            }
            run.add(tick);
        }
        return new TickPlan(run, skipped);
    }

    /** The latest tick this plan acts on, run or skipped, or {@code after} when none. */
    Instant through(Instant after) {
        Instant through = skipped != null ? later(after, skipped) : after;
        for (Instant tick : run) {
            through = later(through, tick);
        }
        return through;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
