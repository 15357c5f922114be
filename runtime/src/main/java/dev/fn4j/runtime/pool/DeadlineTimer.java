package dev.fn4j.runtime.pool;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task at an instant; tests replace it with a manual timer driven by a fake clock. */
@FunctionalInterface
public interface DeadlineTimer {

    /** Schedules the task; the returned handle cancels it. */
    Runnable schedule(Instant at, Runnable task);

    /**
     * A timer ticking on the scheduled executor every {@link TickingTimer#TICK_MILLIS} ms, against
     * the given clock: a task runs at most one tick late (see {@link TickingTimer}).
     */
    static DeadlineTimer on(ScheduledExecutorService executor, Clock clock) {
        TickingTimer timer = new TickingTimer(clock);
        executor.scheduleWithFixedDelay(
                timer::tick, TickingTimer.TICK_MILLIS, TickingTimer.TICK_MILLIS, TimeUnit.MILLISECONDS);
        return timer;
    }
}
