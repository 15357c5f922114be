package dev.fn4j.maven.core;

import static dev.fn4j.client.testing.StubRuntime.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** fn:invoke -Dfn.async=true against a stand-in runtime: submission, events, polling, failures. */
@ExtendWith(StubRuntimeExtension.class)
class AsyncCallerTest {

    private static final String SUBMIT = "POST /v1/functions/hello/invocations";
    private static final String EVENTS = "GET /v1/invocations/inv-1/events";
    private static final String STATE = "GET /v1/invocations/inv-1";
    private static final InvocationInput INPUT = new InvocationInput(
            "{\"name\":\"Ada\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");

    private StubRuntime stub;
    private RuntimeConnection connection;
    private final RecordingLog log = new RecordingLog();

    static String state(String status, String extra) {
        return "{\"id\":\"inv-1\",\"function\":\"hello\",\"revision\":1,\"status\":\"" + status
                + "\",\"attempts\":1,\"queuedAt\":\"2026-11-21T12:00:00Z\"" + extra + "}";
    }

    static final String QUEUED = state("queued", "");
    static final String RUNNING = state("running", "");
    static final String SUCCEEDED = state(
            "succeeded",
            ",\"durationMs\":42,\"coldStart\":true,"
                    + "\"contentType\":\"application/json\",\"result\":{\"message\":\"Hello, Ada!\"},"
                    + "\"logs\":\"greeting Ada\\n\"");
    static final String FAILED = state(
            "failed",
            ",\"durationMs\":3,\"coldStart\":false,"
                    + "\"error\":{\"code\":\"function_error\",\"message\":\"java.lang.IllegalStateException: boom\"}");

    /** One server-sent event named after the invocation's status. */
    static String event(String json) {
        String status = json.replaceAll("(?s).*\"status\":\"([a-z_]+)\".*", "$1");
        return "event: " + status + "\ndata: " + json + "\n\n";
    }

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        connection = RuntimeConnection.open(stub.url(), ApiKey.of("key-abcdef", "-Dfn.apiKey", "fn4j"));
        stub.on(
                SUBMIT,
                new StubRuntime.Answer(
                        202,
                        "{\"id\":\"inv-1\",\"status\":\"queued\",\"location\":\"/v1/invocations/inv-1\"}",
                        Map.of("Content-Type", "application/json", "Location", "/v1/invocations/inv-1")));
    }

    private AsyncCaller caller() {
        return new AsyncCaller(connection, log);
    }

    @Test
    void followsTheEventsToTheResult() throws Exception {
        stub.on(EVENTS, events(20, ": hi\n\n", event(QUEUED), event(RUNNING), event(SUCCEEDED)));

        Invocation invocation = caller().call("hello", INPUT, Duration.ofSeconds(10));

        assertThat(invocation.resultAsString()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Submitted hello asynchronously: invocation inv-1.",
                        "[INFO] Invocation inv-1 is queued.",
                        "[INFO] Invocation inv-1 is running.",
                        "[INFO] Invocation inv-1 succeeded in 42 ms (cold start).",
                        "[INFO] Its log:",
                        "[INFO]   | greeting Ada");
        assertThat(stub.received()).extracting(r -> r.method() + " " + r.path()).containsExactly(SUBMIT, EVENTS);
        assertThat(stub.received().get(0).prefer()).isEqualTo("respond-async");
        assertThat(stub.received().get(0).text()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(stub.received()).allMatch(r -> "Bearer key-abcdef".equals(r.authorization()));
    }

    @Test
    void printsEachLineAsItComesAndNotAgainAtTheEnd() throws Exception {
        stub.on(
                EVENTS,
                events(
                        0,
                        event(QUEUED),
                        event(RUNNING),
                        "event: log\ndata: {\"line\":\"greeting Ada\"}\n\n",
                        "event: log-dropped\ndata: {\"dropped\":2}\n\n",
                        event(SUCCEEDED)));

        caller().call("hello", INPUT, Duration.ofSeconds(10));

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Submitted hello asynchronously: invocation inv-1.",
                        "[INFO] Invocation inv-1 is queued.",
                        "[INFO] Invocation inv-1 is running.",
                        "[INFO] Its log, as it is written:",
                        "[INFO]   | greeting Ada",
                        "[INFO]   ! … [fn4j: 2 lines not shown: this client read too slowly]",
                        "[INFO] Invocation inv-1 succeeded in 42 ms (cold start).");
    }

    @Test
    void aFailedInvocationFailsWithItsErrorAndId() {
        stub.on(EVENTS, events(0, event(QUEUED), event(RUNNING), event(FAILED)));

        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Function 'hello' failed: function_error: java.lang.IllegalStateException:"
                        + " boom (invocation inv-1)");
        assertThat(log.lines)
                .contains("[INFO] Invocation inv-1 failed after 3 ms: function_error:"
                        + " java.lang.IllegalStateException: boom.");
    }

    @Test
    void aTimedOutInvocationFails() {
        stub.on(
                EVENTS,
                events(
                        0,
                        event(
                                state(
                                        "timed_out",
                                        ",\"durationMs\":10000,"
                                                + "\"error\":{\"code\":\"function_timeout\",\"message\":\"ran longer than 10s\"}"))));
        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Function 'hello' timed out after 10.0 s: function_timeout: ran longer"
                        + " than 10s (invocation inv-1)");
    }

    @Test
    void aPlatformFailureIsAnExecutionFailure() {
        stub.on(
                EVENTS,
                events(
                        0,
                        event(state(
                                "failed",
                                ",\"error\":{\"code\":\"start_failed\",\"message\":\"exited with code 2\"}"))));
        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("Function 'hello' failed: start_failed: exited with code 2 (invocation inv-1)");
    }

    @Test
    void aStreamThatBreaksIsReplacedByAsking() throws Exception {
        stub.on(EVENTS, events(0, event(QUEUED), event(RUNNING)));
        AtomicInteger asked = new AtomicInteger();
        stub.on(STATE, exchange -> {
            byte[] body = (asked.incrementAndGet() < 3 ? RUNNING : SUCCEEDED).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        Invocation invocation = caller().call("hello", INPUT, Duration.ofSeconds(10));

        assertThat(invocation.succeeded()).isTrue();
        assertThat(asked).hasValue(3);
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Submitted hello asynchronously: invocation inv-1.",
                        "[INFO] Invocation inv-1 is queued.",
                        "[INFO] Invocation inv-1 is running.",
                        "[WARNING] The event stream GET " + stub.url() + "/v1/invocations/inv-1/events ended"
                                + " before the invocation did; asking for its state instead.",
                        "[INFO] Invocation inv-1 succeeded in 42 ms (cold start).",
                        "[INFO] Its log:",
                        "[INFO]   | greeting Ada");
    }

    @Test
    void aStreamThatIsNotThereIsReplacedByAsking() throws Exception {
        stub.on(EVENTS, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no events here\"}}");
        stub.on(STATE, 200, SUCCEEDED);

        assertThat(caller().call("hello", INPUT, Duration.ofSeconds(10)).succeeded())
                .isTrue();
        assertThat(log.lines)
                .contains("[WARNING] The event stream GET " + stub.url()
                        + "/v1/invocations/inv-1/events failed (not_found: no events here); asking for the"
                        + " invocation's state instead.");
    }

    @Test
    void waitsNoLongerThanAsked() {
        stub.on(EVENTS, events(20_000, event(QUEUED), event(RUNNING)));
        stub.on(STATE, 200, RUNNING);
        long start = System.nanoTime();

        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofMillis(600)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Invocation inv-1 of 'hello' is still running after 600ms, as long as"
                        + " <asyncWait> (-Dfn.asyncWait) lets the goal wait. It goes on in the runtime:"
                        + " see how it ends with mvn fn:logs -Dfn.name=hello or GET " + stub.url()
                        + "/v1/invocations/inv-1, or wait longer with a larger -Dfn.asyncWait.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedSubmissionIsWordedLikeASyncCall() {
        stub.on(SUBMIT, 429, "{\"error\":{\"code\":\"queue_full\",\"message\":\"100 calls wait\"}}");
        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Function 'hello' failed: queue_full: 100 calls wait");
    }

    @Test
    void aRefusedKeyOnTheStreamFails() {
        stub.on(EVENTS, 403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"no read scope\"}}");
        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnFailureException.class)
                .hasMessageStartingWith("The fn4j runtime at " + stub.url() + " refused to follow"
                        + " invocation inv-1 (forbidden: no read scope): the key's scope does not allow it");
    }

    @Test
    void aLostInvocation() {
        stub.on(EVENTS, events(0, event(QUEUED)));
        stub.on(STATE, 404, "{\"error\":{\"code\":\"invocation_not_found\",\"message\":\"no invocation inv-1\"}}");
        assertThatThrownBy(() -> caller().call("hello", INPUT, Duration.ofSeconds(10)))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " cannot tell how invocation inv-1"
                        + " goes: invocation_not_found: no invocation inv-1");
    }

    @Test
    void theWaitSetting() throws Exception {
        assertThat(AsyncCaller.parseWait("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(AsyncCaller.parseWait(" 90s ")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> AsyncCaller.parseWait("soon"))
                .hasMessage("<asyncWait> (-Dfn.asyncWait) is 'soon', not a duration: use <n>ms, <n>s"
                        + " or <n>m, e.g. 10m.");
        assertThatThrownBy(() -> AsyncCaller.parseWait("2000m"))
                .hasMessage("<asyncWait> (-Dfn.asyncWait) is '2000m', out of range: use 1ms to 1440m.");
        assertThat(AsyncCaller.shortForm(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(AsyncCaller.shortForm(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
