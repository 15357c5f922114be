package dev.fn4j.client;

import static dev.fn4j.client.testing.StubRuntime.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Asynchronous invocations: submission, status, history and the event stream. */
@ExtendWith(StubRuntimeExtension.class)
class AsyncInvocationTest {

    private static final String QUEUED = invocation("queued", "null", "null");
    private static final String RUNNING = invocation("running", "null", "null");
    private static final String SUCCEEDED = invocation("succeeded", "{\"message\":\"Hello, Ada!\"}", "null");

    private StubRuntime stub;
    private RuntimeClient client;

    static String invocation(String status, String result, String error) {
        return """
                {"id":"inv-1","function":"hello","revision":2,"async":true,"status":"%s","attempts":1,
                 "queuedAt":"2026-11-21T12:00:00Z","startedAt":null,"endedAt":null,"durationMs":null,
                 "coldStart":true,"contentType":"application/json","result":%s,"error":%s,"logs":null}""".formatted(status, result, error).replace("\n", "");
    }

    @BeforeEach
    void start(StubRuntime stub) {
        this.stub = stub;
        client = RuntimeClient.builder(stub.uri()).apiKey("k-123").build();
    }

    static String event(String name, String json) {
        return "event: " + name + "\nid: " + name.length() + "\ndata: " + json + "\n\n";
    }

    @Test
    void submitsWithPreferRespondAsyncAndReadsTheId() throws Exception {
        stub.on(
                "POST /v1/functions/hello/invocations",
                new StubRuntime.Answer(
                        202,
                        "{\"id\":\"inv-1\",\"status\":\"queued\",\"location\":\"/v1/invocations/inv-1\"}",
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Location",
                                "/v1/invocations/inv-1",
                                "Fn-Request-Id",
                                "inv-1")));

        AcceptedInvocation accepted =
                client.submitAsync("hello", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(accepted).isEqualTo(new AcceptedInvocation("inv-1", "queued", "/v1/invocations/inv-1", "inv-1"));
        StubRuntime.Received request = stub.received().get(0);
        assertThat(request.prefer()).isEqualTo("respond-async");
        assertThat(request.text()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer k-123");
    }

    @Test
    void takesTheIdFromTheLocationWhenTheBodyHasNone() throws Exception {
        stub.on(
                "POST /v1/functions/hello/invocations",
                new StubRuntime.Answer(
                        202, "{}", Map.of("Content-Type", "application/json", "Location", "/v1/invocations/inv-9")));
        AcceptedInvocation accepted = client.submitAsync("hello", new byte[0], null);
        assertThat(accepted.id()).isEqualTo("inv-9");
        assertThat(accepted.status()).isEqualTo("queued");
    }

    @Test
    void aSynchronousAnswerToAnAsyncCallIsAnError() {
        stub.on("POST /v1/functions/hello/invocations", 200, "{}");
        assertThatThrownBy(() -> client.submitAsync("hello", new byte[0], null))
                .isExactlyInstanceOf(RuntimeClientException.class)
                .hasMessage("The fn4j runtime at " + client.baseUri().toString().replaceAll("/$", "")
                        + " answered the asynchronous call of 'hello' with HTTP 200 instead of 202"
                        + " Accepted: it does not run calls asynchronously (Prefer: respond-async).");
    }

    @Test
    void aRefusedSubmissionIsAnApiError() {
        stub.on(
                "POST /v1/functions/hello/invocations",
                429,
                "{\"error\":{\"code\":\"queue_full\",\"message\":\"100 calls wait already\"}}");
        assertThatThrownBy(() -> client.submitAsync("hello", new byte[0], null))
                .isInstanceOfSatisfying(
                        RuntimeApiException.class, e -> assertThat(e.code()).isEqualTo("queue_full"));
    }

    @Test
    void readsAnInvocationWithResultErrorAndLogs() throws Exception {
        stub.on("GET /v1/invocations/inv-1", 200, """
                {"id":"inv-1","function":"hello","revision":2,"status":"failed","attempts":2,
                 "queuedAt":"2026-11-21T12:00:00Z","startedAt":"2026-11-21T12:00:01Z",
                 "endedAt":"2026-11-21T12:00:02Z","durationMs":1042,"coldStart":false,
                 "result":null,"error":{"code":"function_error","message":"boom"},
                 "logs":"line one\\nline two\\n","somethingNew":[1]}""");

        Invocation invocation = client.getInvocation("inv-1");

        assertThat(invocation.id()).isEqualTo("inv-1");
        assertThat(invocation.function()).isEqualTo("hello");
        assertThat(invocation.revision()).isEqualTo(2L);
        assertThat(invocation.status()).isEqualTo("failed");
        assertThat(invocation.isFinal()).isTrue();
        assertThat(invocation.succeeded()).isFalse();
        assertThat(invocation.attempts()).isEqualTo(2);
        assertThat(invocation.startedAt()).isEqualTo("2026-11-21T12:00:01Z");
        assertThat(invocation.endedAt()).isEqualTo("2026-11-21T12:00:02Z");
        assertThat(invocation.durationMs()).isEqualTo(1042L);
        assertThat(invocation.coldStart()).isFalse();
        assertThat(invocation.result()).isNull();
        assertThat(invocation.error()).isEqualTo(new InvocationError("function_error", "boom"));
        assertThat(invocation.logs()).containsExactly("line one", "line two");
        assertThat(stub.received().get(0).authorization()).isEqualTo("Bearer k-123");
    }

    @Test
    void givesTheResultBackAsTheFunctionReturnedIt() throws Exception {
        stub.on(
                "GET /v1/invocations/json",
                200,
                "{\"id\":\"json\",\"status\":\"succeeded\",\"contentType\":\"application/json\","
                        + "\"result\":{\"message\": \"Hi\"}}");
        stub.on(
                "GET /v1/invocations/jsonstring",
                200,
                "{\"id\":\"s\",\"status\":\"succeeded\",\"contentType\":\"application/json\",\"result\":\"Hi\"}");
        stub.on(
                "GET /v1/invocations/text",
                200,
                "{\"id\":\"t\",\"status\":\"succeeded\",\"contentType\":\"text/plain\",\"result\":\"Hi\\nthere\"}");
        stub.on(
                "GET /v1/invocations/bytes",
                200,
                "{\"id\":\"b\",\"status\":\"succeeded\",\"contentType\":\"application/octet-stream\","
                        + "\"result\":\"AAEC/w==\",\"resultEncoding\":\"base64\",\"logs\":[\"a\",\"b\"]}");

        assertThat(client.getInvocation("json").resultAsString()).isEqualTo("{\"message\":\"Hi\"}");
        assertThat(client.getInvocation("jsonstring").resultAsString()).isEqualTo("\"Hi\"");
        assertThat(client.getInvocation("text").resultAsString()).isEqualTo("Hi\nthere");
        Invocation bytes = client.getInvocation("bytes");
        assertThat(bytes.result()).containsExactly(0, 1, 2, 255);
        assertThat(bytes.logs()).containsExactly("a", "b");
        assertThat(bytes.error()).isNull();
        assertThat(bytes.coldStart()).isNull();
    }

    @Test
    void anUnknownInvocationIsAnApiError() {
        stub.on(
                "GET /v1/invocations/nope",
                404,
                "{\"error\":{\"code\":\"invocation_not_found\",\"message\":\"no invocation nope\"}}");
        assertThatThrownBy(() -> client.getInvocation("nope")).isInstanceOfSatisfying(RuntimeApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("invocation_not_found");
        });
    }

    @Test
    void encodesTheInvocationId() throws Exception {
        stub.on("GET /v1/invocations/..%2Fx", 200, QUEUED);
        client.getInvocation("../x");
        assertThat(stub.received().get(0).request()).isEqualTo("GET /v1/invocations/..%2Fx");
    }

    @Test
    void listsAFunctionsInvocationsNewestFirst() throws Exception {
        stub.on(
                "GET /v1/functions/hello/invocations",
                200,
                "{\"invocations\":[" + SUCCEEDED.replace("inv-1", "inv-2") + "," + QUEUED + "]}");

        List<Invocation> list = client.listInvocations("hello", 5);

        assertThat(list).extracting(Invocation::id).containsExactly("inv-2", "inv-1");
        assertThat(list.get(0).resultAsString()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(stub.received().get(0).query()).isEqualTo("limit=5");
        assertThatThrownBy(() -> client.listInvocations("hello", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.listInvocations("hello", 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followsTheEventsToTheFinalState() throws Exception {
        stub.on(
                "GET /v1/invocations/inv-1/events",
                events(
                        50,
                        ": hello\n\n",
                        event("queued", QUEUED),
                        event("running", RUNNING),
                        event("succeeded", SUCCEEDED)));
        List<InvocationEvent> events = new ArrayList<>();

        Invocation last = client.streamEvents("inv-1", Duration.ofSeconds(10), events::add);

        assertThat(events).extracting(InvocationEvent::name).containsExactly("queued", "running", "succeeded");
        assertThat(events).extracting(e -> e.invocation().status()).containsExactly("queued", "running", "succeeded");
        assertThat(events.get(1).eventId()).isEqualTo("7");
        assertThat(last.succeeded()).isTrue();
        assertThat(last.resultAsString()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(stub.received().get(0).header("Accept")).isEqualTo("text/event-stream");
        assertThat(stub.received().get(0).authorization()).isEqualTo("Bearer k-123");
    }

    @Test
    void handsTheLogEventsToTheLineListenerInOrderBetweenTheStates() throws Exception {
        stub.on(
                "GET /v1/invocations/inv-1/events",
                events(
                        0,
                        event("running", RUNNING),
                        "event: log\ndata: {\"line\":\"one\"}\n\n",
                        "event: log-dropped\ndata: {\"dropped\":3}\n\n",
                        "event: log\ndata: {\"line\":\"five\"}\n\n",
                        "event: log-truncated\ndata: {\"line\":\"… [fn4j: log truncated after 8 bytes]\"}\n\n",
                        event("succeeded", SUCCEEDED)));
        List<String> seen = new ArrayList<>();

        Invocation last = client.streamEvents(
                "inv-1",
                Duration.ofSeconds(10),
                e -> seen.add("#" + e.name()),
                line -> seen.add((line.notice() ? "! " : "") + line.text()));

        assertThat(seen)
                .containsExactly(
                        "#running",
                        "one",
                        "! … [fn4j: 3 lines not shown: this client read too slowly]",
                        "five",
                        "! … [fn4j: log truncated after 8 bytes]",
                        "#succeeded");
        assertThat(last.succeeded()).isTrue();
    }

    @Test
    void logEventsAreSkippedByAFollowerThatTakesNoLines() throws Exception {
        stub.on(
                "GET /v1/invocations/inv-1/events",
                events(0, "event: log\ndata: {\"line\":\"one\"}\n\n", event("succeeded", SUCCEEDED)));

        Invocation last = client.streamEvents("inv-1", Duration.ofSeconds(10), e -> {});

        assertThat(last.succeeded()).isTrue();
    }

    @Test
    void stopsAtTheFinalStateEvenWhenTheStreamStaysOpen() throws Exception {
        stub.on("GET /v1/invocations/inv-1/events", events(20_000, event("succeeded", SUCCEEDED), ": never\n\n"));
        long start = System.nanoTime();
        Invocation last = client.streamEvents("inv-1", Duration.ofSeconds(30), e -> {});
        assertThat(last.succeeded()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStreamThatEndsEarlyGivesTheLastStateSeen() throws Exception {
        stub.on("GET /v1/invocations/inv-1/events", events(0, event("queued", QUEUED)));
        Invocation last = client.streamEvents("inv-1", Duration.ofSeconds(10), e -> {});
        assertThat(last.status()).isEqualTo("queued");
        assertThat(last.isFinal()).isFalse();
    }

    @Test
    void stopsFollowingWhenTheWaitIsOver() throws Exception {
        stub.on("GET /v1/invocations/inv-1/events", events(20_000, event("queued", QUEUED), event("running", RUNNING)));
        long start = System.nanoTime();
        Invocation last = client.streamEvents("inv-1", Duration.ofMillis(500), e -> {});
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(last.status()).isEqualTo("queued");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anErrorInsteadOfAStreamIsAnApiError() {
        stub.on(
                "GET /v1/invocations/inv-1/events",
                401,
                "{\"error\":{\"code\":\"unauthorized\",\"message\":\"invalid API key\"}}");
        assertThatThrownBy(() -> client.streamEvents("inv-1", Duration.ofSeconds(5), e -> {}))
                .isInstanceOfSatisfying(RuntimeApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                });
    }

    @Test
    void anEventThatIsNotAnInvocationIsAClientError() {
        stub.on("GET /v1/invocations/inv-1/events", events(0, event("queued", "not json")));
        assertThatThrownBy(() -> client.streamEvents("inv-1", Duration.ofSeconds(5), e -> {}))
                .isExactlyInstanceOf(RuntimeClientException.class)
                .hasMessageStartingWith("Cannot read the event 'queued' of ");
    }

    @Test
    void aRuntimeThatIsNotThereIsUnreachable() {
        RuntimeClient nowhere =
                RuntimeClient.builder(URI.create("http://127.0.0.1:1")).build();
        assertThatThrownBy(() -> nowhere.streamEvents("inv-1", Duration.ofSeconds(5), e -> {}))
                .isInstanceOfSatisfying(
                        RuntimeUnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo("Connection refused"));
    }
}
