package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** fn:logs against a stand-in runtime. */
@ExtendWith(StubRuntimeExtension.class)
class InvocationHistoryTest {

    private StubRuntime stub;
    private RuntimeConnection connection;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        connection = RuntimeConnection.open(stub.url(), ApiKey.none("fn4j"));
    }

    @Test
    void showsTheLastInvocationsNewestLastWithTheirLogs() throws Exception {
        stub.on("GET /v1/functions/hello/invocations", 200, """
                {"invocations":[
                  {"id":"inv-3","function":"hello","revision":2,"status":"timed_out","attempts":1,
                   "queuedAt":"2026-11-21T12:00:09Z","startedAt":"2026-11-21T12:00:09Z",
                   "endedAt":"2026-11-21T12:00:19Z","durationMs":10000,"coldStart":false,
                   "error":{"code":"function_timeout","message":"ran longer than 10s"},"logs":null},
                  {"id":"inv-2","function":"hello","revision":2,"status":"failed","attempts":2,
                   "queuedAt":"2026-11-21T12:00:05Z","startedAt":"2026-11-21T12:00:06Z",
                   "endedAt":"2026-11-21T12:00:06.250Z","durationMs":250,"coldStart":true,
                   "error":{"code":"function_error","message":"boom\\nsecond line"},
                   "logs":"starting\\nabout to fail\\n"},
                  {"id":"inv-1","function":"hello","revision":1,"status":"succeeded","attempts":1,
                   "queuedAt":"2026-11-21T12:00:00Z","startedAt":"2026-11-21T12:00:00Z",
                   "endedAt":"2026-11-21T12:00:00.042Z","durationMs":42,"coldStart":false,
                   "result":{"message":"Hello"},"error":null,"logs":"Hello, Ada\\n"}]}""");

        assertThat(new InvocationHistory(connection, log).show("hello", 3)).hasSize(3);

        assertThat(stub.received().get(0).query()).isEqualTo("limit=3");
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] The last 3 invocations of 'hello' on " + stub.url() + ", newest last:",
                        "[INFO] 2026-11-21T12:00:00Z  succeeded  42 ms   warm  inv-1",
                        "[INFO]     revision 1, started 2026-11-21T12:00:00Z, ended 2026-11-21T12:00:00.042Z",
                        "[INFO]     | Hello, Ada",
                        "[INFO] 2026-11-21T12:00:05Z  failed     250 ms  cold  inv-2",
                        "[INFO]     revision 2, 2 attempts, started 2026-11-21T12:00:06Z, ended 2026-11-21T12:00:06.250Z",
                        "[INFO]     error: function_error: boom",
                        "[INFO]            second line",
                        "[INFO]     | starting",
                        "[INFO]     | about to fail",
                        "[INFO] 2026-11-21T12:00:09Z  timed out  10.0 s  warm  inv-3",
                        "[INFO]     revision 2, started 2026-11-21T12:00:09Z, ended 2026-11-21T12:00:19Z",
                        "[INFO]     error: function_timeout: ran longer than 10s");
    }

    @Test
    void anInvocationStillQueued() throws Exception {
        stub.on("GET /v1/functions/hello/invocations", 200, """
                {"invocations":[{"id":"inv-1","status":"queued","attempts":0,
                                 "queuedAt":"2026-11-21T12:00:00Z"}]}""");
        new InvocationHistory(connection, log).show("hello", 10);
        assertThat(log.lines)
                .containsExactly(
                        "[INFO] The last invocation of 'hello' on " + stub.url() + ":",
                        "[INFO] 2026-11-21T12:00:00Z  queued  -  -  inv-1",
                        "[INFO]     started -, ended -");
    }

    @Test
    void saysWhenThereAreNone() throws Exception {
        stub.on("GET /v1/functions/hello/invocations", 200, "{\"invocations\":[]}");
        assertThat(new InvocationHistory(connection, log).show("hello", 10)).isEmpty();
        assertThat(log.lines)
                .containsExactly("[INFO] Function 'hello' on " + stub.url()
                        + " has no invocations yet: call it with mvn fn:invoke.");
    }

    @Test
    void anUnknownFunctionFails() {
        stub.on(
                "GET /v1/functions/hello/invocations",
                404,
                "{\"error\":{\"code\":\"function_not_found\",\"message\":\"no function named 'hello'\"}}");
        assertThatThrownBy(() -> new InvocationHistory(connection, log).show("hello", 10))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("No function named 'hello' on " + stub.url() + ": function_not_found: no"
                        + " function named 'hello'. See the deployed functions with mvn fn:list, and"
                        + " name one with -Dfn.name.");
    }

    @Test
    void theLimitIsOneToAHundred() throws Exception {
        assertThat(InvocationHistory.parseLimit(null)).isEqualTo(10);
        assertThat(InvocationHistory.parseLimit(" 100 ")).isEqualTo(100);
        assertThatThrownBy(() -> InvocationHistory.parseLimit("0"))
                .hasMessage("<limit> (-Dfn.limit) is '0', out of range: use 1 to 100.");
        assertThatThrownBy(() -> InvocationHistory.parseLimit("ten"))
                .hasMessage("<limit> (-Dfn.limit) is 'ten', not a whole number: use 1 to 100.");
    }
}
