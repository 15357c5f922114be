package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControlPlaneThreadsTest {

    @Test
    void factoryMakesNamedDaemonThreadsAtTheHighestPriority() {
        var factory = ControlPlaneThreads.factory("fn4j-control");

        Thread first = factory.newThread(() -> {});
        Thread second = factory.newThread(() -> {});

        assertThat(first.getName()).isEqualTo("fn4j-control-1");
        assertThat(second.getName()).isEqualTo("fn4j-control-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getPriority()).isEqualTo(Thread.MAX_PRIORITY);
    }

    @Test
    void threadsCreatedWhileStartingTakeTheHighestPriority() {
        Thread[] created = new Thread[1];
        int[] starterPriority = new int[1];

        ControlPlaneThreads.startAtPriority(() -> {
            starterPriority[0] = Thread.currentThread().getPriority();
            created[0] = new Thread(() -> {});
        });

        assertThat(starterPriority[0]).isEqualTo(Thread.MAX_PRIORITY);
        assertThat(created[0].getPriority())
                .as("a thread takes its creator's priority, as Undertow's IO threads do")
                .isEqualTo(Thread.MAX_PRIORITY);
        assertThat(Thread.currentThread().getPriority())
                .as("the caller's own priority is left alone")
                .isEqualTo(Thread.NORM_PRIORITY);
    }

    @Test
    void startAtPriorityThrowsWhatTheStartThrew() {
        IllegalStateException bindFailed = new IllegalStateException("address in use: 8081");

        assertThatThrownBy(() -> ControlPlaneThreads.startAtPriority(() -> {
                    throw bindFailed;
                }))
                .isSameAs(bindFailed);
    }

    @Test
    void aThreadAtNormalPriorityIsNotRaised() {
        // This test JVM runs without -XX:ThreadPriorityPolicy=1: no thread of it runs below nice 0.
        assertThat(ControlPlaneThreads.raised()).isFalse();
    }
}
