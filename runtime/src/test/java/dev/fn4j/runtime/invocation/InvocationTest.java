package dev.fn4j.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private final Invocation done = new Invocation(
            "ab12",
            "hello",
            2,
            true,
            InvocationStatus.SUCCEEDED,
            2,
            T0,
            T0.plusSeconds(5),
            T0.plusSeconds(6),
            true,
            new byte[] {1},
            "text/plain",
            "ok".getBytes(StandardCharsets.UTF_8),
            "text/plain",
            null,
            null,
            "log");

    @Test
    void asOfAnEarlierEventShowsOnlyWhatWasKnownThen() {
        Invocation queued = done.asOf(new InvocationEvent(1, InvocationStatus.QUEUED, 0, T0));
        assertThat(queued.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(queued.attempts()).isZero();
        assertThat(queued.startedAt()).isNull();
        assertThat(queued.endedAt()).isNull();
        assertThat(queued.resultBody()).isNull();
        assertThat(queued.logs()).isNull();

        Invocation running = done.asOf(new InvocationEvent(2, InvocationStatus.RUNNING, 1, T0.plusSeconds(1)));
        assertThat(running.status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(running.coldStart()).isNull();
        assertThat(running.durationMs()).isNull();
    }

    @Test
    void asOfTheFinalEventShowsEverything() {
        Invocation last = done.asOf(new InvocationEvent(5, InvocationStatus.SUCCEEDED, 2, T0.plusSeconds(6)));
        assertThat(last.resultBody()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
        assertThat(last.durationMs()).isEqualTo(1000);
        assertThat(last.coldStart()).isTrue();
        assertThat(last.logs()).isEqualTo("log");
    }

    @Test
    void timesAreKeptToTheMillisecondAndHostileTypesAreCut() {
        Invocation i = Invocation.queued("ab", "hello", 1, T0.plusNanos(1_234_567), new byte[0], "x".repeat(1000));
        assertThat(i.queuedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(i.requestType()).hasSize(255);
        assertThat(i.withoutRequestBody().requestBody()).isNull();
    }

    @Test
    void aSynchronousCallStartsWhenAdmittedRunsOnceAndKeepsNoResultBody() {
        Invocation ok = Invocation.sync(
                "ab", "hello", 3, T0, Outcome.succeeded(T0.plusMillis(40), true, new byte[] {1}, "text/plain", "log"));
        assertThat(ok.async()).isFalse();
        assertThat(ok.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(ok.attempts()).isEqualTo(1);
        assertThat(ok.queuedAt()).isEqualTo(T0);
        assertThat(ok.startedAt()).isEqualTo(T0);
        assertThat(ok.durationMs()).isEqualTo(40);
        assertThat(ok.coldStart()).isTrue();
        assertThat(ok.resultBody()).isNull();
        assertThat(ok.resultType()).isEqualTo("text/plain");
        assertThat(ok.logs()).isEqualTo("log");
    }

    @Test
    void aFailedCallKeepsItsErrorAndATimeoutEndsTimedOut() {
        Invocation timedOut = Invocation.sync(
                "ab",
                "hello",
                1,
                T0,
                Outcome.failed(T0.plusSeconds(1), new ApiException(ErrorCode.FUNCTION_TIMEOUT, "too slow"), null));
        assertThat(timedOut.status()).isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(timedOut.errorCode()).isEqualTo("function_timeout");
        assertThat(timedOut.errorMessage()).isEqualTo("too slow");
        assertThat(timedOut.coldStart()).isNull();
    }

    @Test
    void withoutBodiesDropsRequestAndResultAndKeepsTheRest() {
        Invocation listed = done.withoutBodies();
        assertThat(listed.requestBody()).isNull();
        assertThat(listed.resultBody()).isNull();
        assertThat(listed.resultType()).isEqualTo("text/plain");
        assertThat(listed.logs()).isEqualTo("log");
    }

    @Test
    void aSynchronousRecordImpliesRunningThenItsEndState() {
        Invocation ok =
                Invocation.sync("ab", "hello", 3, T0, Outcome.succeeded(T0.plusMillis(40), false, null, null, null));
        assertThat(ok.impliedEvents())
                .containsExactly(
                        new InvocationEvent(1, InvocationStatus.RUNNING, 1, T0),
                        new InvocationEvent(2, InvocationStatus.SUCCEEDED, 1, T0.plusMillis(40)));
    }
}
