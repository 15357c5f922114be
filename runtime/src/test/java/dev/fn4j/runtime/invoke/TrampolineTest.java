package dev.fn4j.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrampolineTest {

    private final List<Runnable> elsewhere = new ArrayList<>();
    private final Trampoline trampoline = new Trampoline(elsewhere::add);
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsATaskHandedToItsThreadAfterTheCurrentOneAndSoOnDownTheChain() {
        trampoline.run(() -> {
            trampoline.execute(() -> {
                ran.add("second");
                trampoline.execute(() -> ran.add("third"));
            });
            ran.add("first");
        });

        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void handsASecondWaitingTaskElsewhereSoThatNoneWaitsBehindTwo() {
        trampoline.run(() -> {
            trampoline.execute(() -> ran.add("next here"));
            trampoline.execute(() -> ran.add("elsewhere"));
            ran.add("first");
        });

        assertThat(ran).containsExactly("first", "next here");
        assertThat(elsewhere).hasSize(1);
        elsewhere.get(0).run();
        assertThat(ran).endsWith("elsewhere");
    }

    @Test
    void handsTasksElsewhereOutsideRun() {
        trampoline.execute(() -> ran.add("handed"));

        assertThat(ran).isEmpty();
        assertThat(elsewhere).hasSize(1);
        elsewhere.get(0).run();
        assertThat(ran).containsExactly("handed");
    }

    @Test
    void aTaskHandedElsewhereRunsThereAsATrampolineSoTheTaskItFreesASlotForFollowsIt() {
        trampoline.execute(() -> {
            ran.add("r2");
            trampoline.execute(() -> ran.add("r3, after r2, on the same thread"));
        });

        elsewhere.get(0).run();

        assertThat(ran).containsExactly("r2", "r3, after r2, on the same thread");
        assertThat(elsewhere).hasSize(1);
    }

    @Test
    void aRunInsideARunQueuesInsteadOfNesting() {
        trampoline.run(() -> {
            trampoline.run(() -> ran.add("inner"));
            ran.add("outer");
        });

        assertThat(ran).containsExactly("outer", "inner");
    }

    @Test
    void aFailingTaskDoesNotKeepTheTasksAfterItFromRunning() {
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> reported.add(error));
        try {
            trampoline.run(() -> {
                trampoline.execute(() -> ran.add("after the failure"));
                throw new IllegalStateException("call 7 failed");
            });
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }

        assertThat(ran).containsExactly("after the failure");
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("call 7 failed");
    }

    @Test
    void tasksLeftWhenAnErrorEndsTheLoopRunElsewhere() {
        try {
            trampoline.run(() -> {
                trampoline.execute(() -> ran.add("left"));
                throw new StackOverflowError("deep");
            });
        } catch (StackOverflowError expected) {
            // The error still reaches the caller.
        }

        assertThat(ran).isEmpty();
        assertThat(elsewhere).hasSize(1);
        trampoline.execute(() -> ran.add("later, outside run"));
        assertThat(elsewhere).as("the thread is outside run again").hasSize(2);
    }
}
