package dev.fn4j.runtime.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task at an instant; tests replace it with a manual timer driven by a fake clock. */
@FunctionalInterface
public interface DeadlineTimer {

    /** Schedules the task; the returned handle cancels it. */
    Runnable schedule(Instant at, Runnable task);

    /** A timer on a scheduled executor, measuring delays with the given clock. */
    static DeadlineTimer on(ScheduledExecutorService executor, Clock clock) {
        return (at, task) -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            var future = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
