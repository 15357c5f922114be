package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickingTimerTest {

    private final ManualClock clock = new ManualClock();
    private final TickingTimer timer = new TickingTimer(clock);
    private final List<String> ran = new ArrayList<>();

    @Test
    void aTaskRunsOnTheFirstTickAtOrAfterItsInstantAndOnlyOnce() {
        timer.schedule(clock.instant().plusMillis(120), () -> ran.add("a"));
        clock.advance(Duration.ofMillis(100));
        timer.tick();
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofMillis(50));
        timer.tick();
        timer.tick();
        assertThat(ran).containsExactly("a");
    }

    @Test
    void aCancelledTaskNeverRunsAndHoldsNothing() {
        Runnable cancel = timer.schedule(clock.instant().plusSeconds(30), () -> ran.add("late"));
        assertThat(timer.pending()).isEqualTo(1);
        cancel.run();
        assertThat(timer.pending()).isZero();
        clock.advance(Duration.ofSeconds(31));
        timer.tick();
        assertThat(ran).isEmpty();
    }

    @Test
    void aTaskDueInThePastRunsOnTheNextTick() {
        timer.schedule(clock.instant().minusSeconds(1), () -> ran.add("past"));
        timer.tick();
        assertThat(ran).containsExactly("past");
    }

    @Test
    void tasksRunInTheOrderOfTheirTicksAndAFailingOneStopsNoOther() {
        timer.schedule(clock.instant().plusMillis(200), () -> ran.add("second"));
        timer.schedule(clock.instant().plusMillis(60), () -> {
            throw new IllegalStateException("boom");
        });
        timer.schedule(clock.instant().plusMillis(50), () -> ran.add("first"));
        clock.advance(Duration.ofSeconds(1));
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> failures = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> failures.add(e));
        try {
            timer.tick();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
        assertThat(ran).containsExactly("first", "second");
        assertThat(failures).singleElement().hasFieldOrPropertyWithValue("message", "boom");
    }

    @Test
    void aTaskScheduledByARunningTaskForNowRunsInTheSameTick() {
        timer.schedule(clock.instant(), () -> timer.schedule(clock.instant(), () -> ran.add("again")));
        timer.tick();
        assertThat(ran).containsExactly("again");
    }
}
