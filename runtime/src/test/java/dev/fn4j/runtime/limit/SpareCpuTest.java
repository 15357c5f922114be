package dev.fn4j.runtime.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class SpareCpuTest {

    /** The host's CPU use the test sets, and how often it was read. */
    private double busy;

    private int reads;
    private long nanos;
    /** Tasks handed to "later": the test runs them, a recheck apart. */
    private final Queue<Runnable> later = new ArrayDeque<>();

    private final List<String> ran = new ArrayList<>();

    private final SpareCpu spare = new SpareCpu(
            () -> {
                reads++;
                return busy;
            },
            Runnable::run,
            later::add,
            () -> nanos,
            Duration.ofSeconds(60));

    /** Runs the next recheck, a {@link SpareCpu#RECHECK} after the last. */
    private void recheck() {
        nanos += SpareCpu.RECHECK.toNanos();
        later.remove().run();
    }

    @Test
    void workWaitsOneRecheckThenRunsWhenTheHostHasCpuToSpare() {
        busy = 0.5;
        spare.run(() -> ran.add("stem"));
        assertThat(ran).isEmpty();
        assertThat(reads).isEqualTo(1);

        recheck();

        assertThat(ran).containsExactly("stem");
        assertThat(later).isEmpty();
    }

    @Test
    void workWaitsWhileTheHostIsSaturatedAndRunsOnceItCalms() {
        busy = 0.97;
        spare.run(() -> ran.add("stem"));
        for (int i = 0; i < 10; i++) {
            recheck();
        }
        assertThat(ran).isEmpty();
        assertThat(later).hasSize(1);

        busy = HostCpu.SATURATED - 0.01;
        recheck();

        assertThat(ran).containsExactly("stem");
        assertThat(later).isEmpty();
    }

    @Test
    void workRunsAnywayOnceItWaitedTheLongest() {
        busy = 1.0;
        spare.run(() -> ran.add("stem"));
        int rechecks = 0;
        while (ran.isEmpty()) {
            recheck();
            rechecks++;
        }
        assertThat(rechecks).isEqualTo(120);
        assertThat(later).isEmpty();
    }

    @Test
    void aNegativeLongestWaitIsRefused() {
        assertThatThrownBy(() -> new SpareCpu(() -> 0, Runnable::run, Runnable::run, () -> 0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWait must not be negative: PT-1S");
    }
}
