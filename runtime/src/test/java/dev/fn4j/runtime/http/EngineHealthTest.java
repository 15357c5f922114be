package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineHealthTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Runnable> queued = new ArrayList<>();
    private int pings;
    private boolean engineDown;

    private final EngineHealth health = new EngineHealth(
            () -> {
                pings++;
                if (engineDown) {
                    throw new IllegalStateException("docker does not answer");
                }
            },
            queued::add,
            1_000,
            now::get);

    @Test
    void aReadAnswersFromMemoryAndQueuesOneCheckWhenStale() {
        assertThat(health.last().up()).isTrue();
        assertThat(health.last().up()).isTrue();
        assertThat(queued).hasSize(1);
        assertThat(pings).isZero();
    }

    @Test
    void theQueuedCheckUpdatesWhatLaterReadsSee() {
        engineDown = true;
        health.last();
        queued.remove(0).run();
        EngineHealth.State state = health.last();
        assertThat(state.up()).isFalse();
        assertThat(state.error()).isEqualTo("docker does not answer");
        assertThat(queued).as("fresh: no new check").isEmpty();
    }

    @Test
    void aCheckIsQueuedAgainOnceTheLastOneIsOlderThanTheMaximumAge() {
        health.last();
        queued.remove(0).run();
        now.addAndGet(999);
        health.last();
        assertThat(queued).isEmpty();
        now.addAndGet(1);
        health.last();
        assertThat(queued).hasSize(1);
    }

    @Test
    void checkNowAsksTheEngineAtOnce() {
        engineDown = true;
        assertThat(health.checkNow().up()).isFalse();
        assertThat(pings).isEqualTo(1);
        assertThat(health.last().up()).isFalse();
    }
}
