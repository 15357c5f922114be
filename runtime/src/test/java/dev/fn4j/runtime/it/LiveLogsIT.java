package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Sleeper;
import dev.fn4j.runtime.it.fns.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live output through a real SSE client: the lines a real function container writes while it runs
 * arrive as {@code log} events, in order, between {@code running} and the final state of an
 * asynchronous invocation, and before the {@code result} event of a synchronous call made with
 * {@code Accept: text/event-stream}.
 */
class LiveLogsIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();

    private static final int LINES = 6;
    private static final List<String> TICKS =
            IntStream.rangeClosed(1, LINES).mapToObj(i -> "tick " + i).toList();

    private void deploy(String name, Class<?> handler, String extra) {
        Reply reply = runtime.deploy(name, FIXTURE.image(), handler.getName(), extra);
        assertThat(reply.status()).as("%s", reply).isIn(200, 201);
    }

    /** The lines of the log events, logger lines reduced to their message. */
    private static List<String> lines(List<SseClient.Event> events) {
        return events.stream()
                .filter(e -> e.event().equals("log"))
                .map(e -> e.json().get("line").asText())
                .map(line -> line.substring(line.indexOf("tick ")))
                .toList();
    }

    private static List<String> names(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::event).distinct().toList();
    }

    @Test
    void asyncInvocationStreamsItsLinesBetweenRunningAndTheFinalState() throws Exception {
        // One instance, busy with a first call, so the second waits queued while the test subscribes.
        deploy("live-ticker", Ticker.class, "\"maxInstances\":1");
        Reply blocker = AsyncInvocationContract.submit(runtime, "live-ticker", "1 1500", "text/plain");
        Reply target = AsyncInvocationContract.submit(runtime, "live-ticker", LINES + " 150", "text/plain");
        assertThat(target.status()).as("%s", target).isEqualTo(202);
        String id = target.header("Fn-Request-Id");

        List<SseClient.Event> events;
        try (SseClient stream = SseClient.open(runtime.uri("/v1/invocations/" + id + "/events"))) {
            events = stream.awaitEnd(Duration.ofSeconds(60));
        }

        assertThat(names(events)).containsExactly("queued", "running", "log", "succeeded");
        assertThat(lines(events)).containsExactlyElementsOf(TICKS);
        assertThat(events.get(events.size() - 1).json().get("result").asText()).isEqualTo("ticked " + LINES);
        assertThat(events.stream().filter(e -> e.event().equals("log")).map(SseClient.Event::id))
                .as("log events are live only: they take no event id, so Last-Event-ID stays a state's seq")
                .containsOnly("2");
        assertThat(AsyncInvocationContract.awaitEnd(runtime, blocker.header("Fn-Request-Id"), Duration.ofSeconds(30))
                        .get("status")
                        .asText())
                .isEqualTo("succeeded");
    }

    @Test
    void syncCallAskingForAnEventStreamGetsItsLinesThenTheResult() throws Exception {
        deploy("live-sync", Ticker.class, "");

        List<SseClient.Event> events;
        try (SseClient stream = SseClient.post(runtime.uri("/v1/functions/live-sync/invocations"), LINES + " 100")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            events = stream.awaitEnd(Duration.ofSeconds(60));
        }

        assertThat(names(events)).containsExactly("log", "result");
        assertThat(lines(events)).containsExactlyElementsOf(TICKS);
        JsonNode result = events.get(events.size() - 1).json();
        assertThat(result.get("status").asInt()).isEqualTo(200);
        assertThat(result.get("body").asText()).isEqualTo("ticked " + LINES);
        assertThat(result.get("headers").get("content-type").get(0).asText()).startsWith("text/plain");
    }

    @Test
    void triggerAskingForAnEventStreamGetsItsLinesThenTheResult() throws Exception {
        deploy("live-trigger", Ticker.class, "");

        List<SseClient.Event> events;
        try (SseClient stream = SseClient.post(runtime.uri("/fn/live-trigger"), LINES + " 50")) {
            events = stream.awaitEnd(Duration.ofSeconds(60));
        }

        assertThat(names(events)).containsExactly("log", "result");
        assertThat(lines(events)).containsExactlyElementsOf(TICKS);
        assertThat(events.get(events.size() - 1).json().get("body").asText()).isEqualTo("ticked " + LINES);
    }

    @Test
    void failedSyncCallEndsWithItsErrorAsTheResult() throws Exception {
        deploy("live-missing-input", Sleeper.class, "");

        List<SseClient.Event> events;
        try (SseClient stream =
                SseClient.post(runtime.uri("/v1/functions/live-missing-input/invocations"), "not a number")) {
            events = stream.awaitEnd(Duration.ofSeconds(60));
        }

        JsonNode result = events.get(events.size() - 1).json();
        assertThat(events.get(events.size() - 1).event()).isEqualTo("result");
        assertThat(result.get("status").asInt()).isEqualTo(500);
        assertThat(result.get("body").asText()).contains("\"code\":\"function_error\"", "NumberFormatException");
    }
}
