package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private final Invocation done = new Invocation("ab12", "hello", 2, true,
            InvocationStatus.SUCCEEDED, 2, T0, T0.plusSeconds(5), T0.plusSeconds(6), true,
            new byte[] {1}, "text/plain", "ok".getBytes(StandardCharsets.UTF_8), "text/plain",
            null, null, "log");

    @Test
    void asOfAnEarlierEventShowsOnlyWhatWasKnownThen() {
        Invocation queued = done.asOf(new InvocationEvent(1, InvocationStatus.QUEUED, 0, T0));
        assertThat(queued.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(queued.attempts()).isZero();
        assertThat(queued.startedAt()).isNull();
        assertThat(queued.endedAt()).isNull();
        assertThat(queued.resultBody()).isNull();
        assertThat(queued.logs()).isNull();

        Invocation running = done.asOf(
                new InvocationEvent(2, InvocationStatus.RUNNING, 1, T0.plusSeconds(1)));
        assertThat(running.status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(running.coldStart()).isNull();
        assertThat(running.durationMs()).isNull();
    }

    @Test
    void asOfTheFinalEventShowsEverything() {
        Invocation last = done.asOf(
                new InvocationEvent(5, InvocationStatus.SUCCEEDED, 2, T0.plusSeconds(6)));
        assertThat(last.resultBody()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
        assertThat(last.durationMs()).isEqualTo(1000);
        assertThat(last.coldStart()).isTrue();
        assertThat(last.logs()).isEqualTo("log");
    }

    @Test
    void timesAreKeptToTheMillisecondAndHostileTypesAreCut() {
        Invocation i = Invocation.queued("ab", "hello", 1, T0.plusNanos(1_234_567),
                new byte[0], "x".repeat(1000));
        assertThat(i.queuedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(i.requestType()).hasSize(255);
        assertThat(i.withoutRequestBody().requestBody()).isNull();
    }
}
