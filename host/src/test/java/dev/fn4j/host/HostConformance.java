package dev.fn4j.host;

import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame-level conformance of a host to docs/protocol.md: each language's host runs these same
 * cases against a {@link FakeRuntime}, with a function of the same behaviour in its language (the
 * Java ones are testfns; Python and Go ones under src/test/conformance).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class HostConformance {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ";

    /** The functions every language provides, by what they do. */
    enum Fn {
        ECHO,
        GREETER,
        REVERSER,
        THROWER,
        CONTEXT_PROBE,
        LATCH,
        CHATTER,
        BAD_HANDLER
    }

    /** Starts this language's host for {@code fn} under a fake runtime. */
    abstract FakeRuntime start(Fn fn, int concurrency, Map<String, String> env) throws IOException;

    /** The handler name the host reports in its Hello for {@code fn}. */
    abstract String handlerName(Fn fn);

    /**
     * Whether stdout and stderr reach the right call's logs while calls run at once on several
     * connections (Go cannot tell which goroutine wrote; its logger lines stay exact).
     */
    boolean attributesOutputOfConcurrentCalls() {
        return true;
    }

    @TempDir
    Path temp;

    static Frame.Invoke invoke(String id, String body, Frame.Header... headers) {
        return new Frame.Invoke(
                id, System.currentTimeMillis() + 30_000, List.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> logLimit(int bytes) {
        return Map.of("FN4J_LOG_LIMIT_BYTES", Integer.toString(bytes));
    }

    private Peer ready(FakeRuntime runtime) throws IOException {
        Peer peer = runtime.accept(WAIT);
        peer.readHello();
        return peer;
    }

    @Test
    void helloArrivesOnEveryConnectionWithItsIndex() throws Exception {
        try (FakeRuntime runtime = start(Fn.ECHO, 3, Map.of())) {
            Set<Integer> indexes = new TreeSet<>();
            for (int i = 0; i < 3; i++) {
                Frame.Hello hello = runtime.accept(WAIT).readHello();
                assertThat(hello.instanceId()).isEqualTo("it-instance");
                assertThat(hello.handler()).isEqualTo(handlerName(Fn.ECHO));
                indexes.add(hello.connection());
            }
            assertThat(indexes).containsExactly(0, 1, 2);
        }
    }

    @Test
    void textInIsTextOutAndNothingIsAnEmptyBodyWithoutContentType() throws Exception {
        try (FakeRuntime runtime = start(Fn.ECHO, 1, Map.of())) {
            Peer peer = ready(runtime);

            Frame.Result hi = (Frame.Result) peer.call(invoke("r1", "hi ✓"));
            Frame.Result nothing = (Frame.Result) peer.call(invoke("r2", "null"));

            assertThat(hi.requestId()).isEqualTo("r1");
            assertThat(hi.headers()).containsExactly(new Frame.Header("content-type", "text/plain; charset=utf-8"));
            assertThat(text(hi.body())).isEqualTo("hi ✓");
            assertThat(nothing.requestId()).isEqualTo("r2");
            assertThat(nothing.headers()).isEmpty();
            assertThat(nothing.body()).isEmpty();
        }
    }

    @Test
    void jsonInIsJsonOutAndABodyThatIsNotJsonIsBadInput() throws Exception {
        try (FakeRuntime runtime = start(Fn.GREETER, 1, Map.of())) {
            Peer peer = ready(runtime);

            Frame.Result ok = (Frame.Result) peer.call(invoke("r1", "{\"name\":\"Ada\",\"age\":36,\"extra\":1}"));
            Frame.PlatformError bad = (Frame.PlatformError) peer.call(invoke("r2", "{\"name\":"));
            Frame.Result after = (Frame.Result) peer.call(invoke("r3", "{\"name\":\"Bo\",\"age\":1}"));

            assertThat(ok.headers()).containsExactly(new Frame.Header("content-type", "application/json"));
            assertThat(text(ok.body())).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
            assertThat(bad.requestId()).isEqualTo("r2");
            assertThat(bad.code()).isEqualTo("bad_input");
            assertThat(bad.fatal()).isFalse();
            assertThat(bad.message()).isNotBlank();
            assertThat(text(after.body())).isEqualTo("{\"message\":\"Hello, Bo\",\"nextAge\":2}");
        }
    }

    @Test
    void bytesInAreBytesOut() throws Exception {
        try (FakeRuntime runtime = start(Fn.REVERSER, 1, Map.of())) {
            Peer peer = ready(runtime);
            byte[] body = {0, 1, (byte) 0xff, 2};

            Frame.Result result = (Frame.Result)
                    peer.call(new Frame.Invoke("r1", System.currentTimeMillis() + 30_000, List.of(), body));

            assertThat(result.headers()).containsExactly(new Frame.Header("content-type", "application/octet-stream"));
            assertThat(result.body()).containsExactly(2, (byte) 0xff, 1, 0);
        }
    }

    @Test
    void aFailingFunctionGivesFunctionErrorAndTheNextCallSucceeds() throws Exception {
        try (FakeRuntime runtime = start(Fn.THROWER, 1, Map.of())) {
            Peer peer = ready(runtime);

            Frame first = peer.call(invoke("r1", "boom"));
            Frame second = peer.call(invoke("r2", "again"));

            Frame.FunctionError error = (Frame.FunctionError) first;
            assertThat(error.requestId()).isEqualTo("r1");
            assertThat(error.errorType()).isNotBlank();
            assertThat(error.message()).isEqualTo("boom");
            assertThat(text(((Frame.Result) second).body())).isEqualTo("ok:again");
        }
    }

    @Test
    void contextCarriesRequestIdDeadlineRemainingTimeAndOnlyTheConfiguredKeys() throws Exception {
        Map<String, String> env = Map.of("FN4J_CONFIG_KEYS", "GREETING", "GREETING", "Hi", "SECRET", "x");
        try (FakeRuntime runtime = start(Fn.CONTEXT_PROBE, 1, env)) {
            Peer peer = ready(runtime);
            Frame.Invoke call = invoke("req-42", "input");

            Frame.Result result = (Frame.Result) peer.call(call);
            peer.close();
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(0);

            assertThat(text(result.body()))
                    .contains(
                            "\"requestId\":\"req-42\"",
                            "\"functionName\":\"it-fn\"",
                            "\"deadline\":" + call.deadlineEpochMillis(),
                            "\"remainingPositive\":true",
                            "\"config\":{\"GREETING\":\"Hi\"}");
            assertThat(runtime.stderr()).matches(LINE_START + "INFO \\[req-42] probing input\n");
        }
    }

    @Test
    void aCallPastItsDeadlineIsStillAnsweredWithNoTimeRemaining() throws Exception {
        try (FakeRuntime runtime = start(Fn.CONTEXT_PROBE, 1, Map.of())) {
            Peer peer = ready(runtime);
            long past = System.currentTimeMillis() - 1_000;

            Frame.Result result = (Frame.Result) peer.call(new Frame.Invoke("r1", past, List.of(), new byte[0]));

            assertThat(text(result.body())).contains("\"deadline\":" + past, "\"remainingPositive\":false");
        }
    }

    @Test
    void severalCallsInARowOnOneConnection() throws Exception {
        try (FakeRuntime runtime = start(Fn.ECHO, 1, Map.of())) {
            Peer peer = ready(runtime);
            for (int i = 0; i < 20; i++) {
                Frame.Result result = (Frame.Result) peer.call(invoke("r" + i, "call " + i));
                assertThat(result.requestId()).isEqualTo("r" + i);
                assertThat(text(result.body())).isEqualTo("call " + i);
            }
        }
    }

    @Test
    void callsOnTwoConnectionsRunConcurrently() throws Exception {
        try (FakeRuntime runtime = start(Fn.LATCH, 2, Map.of())) {
            Peer first = ready(runtime);
            Peer second = ready(runtime);

            // Both Invokes are out before either answer is read: each call waits for the other.
            first.write(invoke("a", ""));
            second.write(invoke("b", ""));

            Frame.Result a = (Frame.Result) first.read();
            Frame.Result b = (Frame.Result) second.read();

            assertThat(a.requestId()).isEqualTo("a");
            assertThat(text(a.body())).isEqualTo("overlapped");
            assertThat(b.requestId()).isEqualTo("b");
            assertThat(text(b.body())).isEqualTo("overlapped");
        }
    }

    @Test
    void endOfStreamFromTheRuntimeMakesTheHostExit0() throws Exception {
        try (FakeRuntime runtime = start(Fn.ECHO, 2, Map.of())) {
            Peer first = ready(runtime);
            Peer second = ready(runtime);

            first.close();
            assertThat(runtime.isAlive()).isTrue();
            second.close();

            assertThat(runtime.waitForExit(WAIT)).isEqualTo(0);
            assertThat(runtime.stderr()).isEmpty();
        }
    }

    @Test
    void aFrameOfAnUnknownVersionClosesTheConnectionAndTheHostExits1() throws Exception {
        try (FakeRuntime runtime = start(Fn.ECHO, 1, Map.of())) {
            Peer peer = ready(runtime);

            peer.writeRaw(new byte[] {0, 0, 0, 2, 9, 2});

            assertThat(runtime.waitForExit(WAIT)).isEqualTo(1);
            assertThat(runtime.stderr()).startsWith("fn4j-host: ");
        }
    }

    @Test
    void aHandlerThatCannotBeLoadedIsReportedInPlaceOfHelloAndExits2() throws Exception {
        try (FakeRuntime runtime = start(Fn.BAD_HANDLER, 1, Map.of())) {
            Frame.PlatformError failed =
                    (Frame.PlatformError) runtime.accept(WAIT).read();

            assertThat(failed.requestId()).isEmpty();
            assertThat(failed.code()).isEqualTo("handler_failed");
            assertThat(failed.fatal()).isTrue();
            assertThat(failed.message()).startsWith("handler " + handlerName(Fn.BAD_HANDLER) + ": ");
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(2);
            assertThat(runtime.stderr()).startsWith("fn4j-host: handler ");
        }
    }

    @Test
    void outputOfACallArrivesAsLogsJustBeforeItsAnswer() throws Exception {
        try (FakeRuntime runtime = start(Fn.CHATTER, 1, logLimit(65536))) {
            Peer peer = ready(runtime);

            peer.write(invoke("r1", "a"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();

            assertThat(logs.requestId()).isEqualTo("r1");
            assertThat(logs.truncated()).isFalse();
            assertThat(logs.text()).matches("out a\nerr a\n" + LINE_START + "INFO \\[r1] log a\nthread a\n");
            assertThat(text(result.body())).isEqualTo("done a");
            assertThat(runtime.awaitOutput(WAIT, "out a\n", "err a\n", "thread a\n"))
                    .contains("out a\n", "err a\n", "thread a\n");
        }
    }

    @Test
    void withoutALogLimitTheHostSendsNoLogsFrame() throws Exception {
        try (FakeRuntime runtime = start(Fn.CHATTER, 1, Map.of("FN4J_LOG_STREAM_MILLIS", "5"))) {
            Peer peer = ready(runtime);

            assertThat(peer.call(invoke("r1", "a"))).isInstanceOf(Frame.Result.class);
        }
    }

    @Test
    void outputBeyondTheLimitIsCutWithAMarker() throws Exception {
        try (FakeRuntime runtime = start(Fn.CHATTER, 1, logLimit(1000))) {
            Peer peer = ready(runtime);

            peer.write(invoke("r1", "a flood=5000"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();

            String marker = "… [fn4j: log truncated after 1000 bytes]\n";
            assertThat(logs.truncated()).isTrue();
            assertThat(logs.text()).startsWith("out a\nerr a\n").endsWith("xxx\n" + marker);
            assertThat(logs.text().getBytes(StandardCharsets.UTF_8).length)
                    .isEqualTo(1000 + 1 + marker.getBytes(StandardCharsets.UTF_8).length);
            assertThat(text(result.body())).isEqualTo("done a");
        }
    }

    @Test
    void aFunctionErrorIsPrecededByTheCallsLogs() throws Exception {
        try (FakeRuntime runtime = start(Fn.CHATTER, 1, logLimit(65536))) {
            Peer peer = ready(runtime);

            peer.write(invoke("r1", "e boom"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.FunctionError error = (Frame.FunctionError) peer.read();

            assertThat(logs.requestId()).isEqualTo("r1");
            assertThat(logs.text()).startsWith("out e\nerr e\n").endsWith("thread e\n");
            assertThat(error.message()).isEqualTo("boom e");
        }
    }

    @Test
    void withAStreamIntervalWholeLinesArriveWhileTheCallRunsAndPrefixItsLogs() throws Exception {
        Map<String, String> env = Map.of("FN4J_LOG_LIMIT_BYTES", "65536", "FN4J_LOG_STREAM_MILLIS", "5");
        Path release = temp.resolve("release");
        try (FakeRuntime runtime = start(Fn.CHATTER, 1, env)) {
            Peer peer = ready(runtime);

            // The call prints its first line, then waits for the file: what comes before the file
            // exists can only be that line, streamed while the call runs.
            peer.write(invoke("r1", "a hold=" + release));
            assertThat(peer.read()).isEqualTo(new Frame.LogLines("r1", "out a\n"));
            Files.writeString(release, "go");

            StringBuilder streamed = new StringBuilder("out a\n");
            Frame frame = peer.read();
            while (frame instanceof Frame.LogLines lines) {
                assertThat(lines.requestId()).isEqualTo("r1");
                assertThat(lines.text()).endsWith("\n");
                streamed.append(lines.text());
                frame = peer.read();
            }
            Frame.Logs logs = (Frame.Logs) frame;
            assertThat(logs.text())
                    .startsWith(streamed.toString())
                    .matches("out a\nerr a\n" + LINE_START + "INFO \\[r1] log a\nthread a\n");
            assertThat(text(((Frame.Result) peer.read()).body())).isEqualTo("done a");
        }
    }

    @Test
    void concurrentCallsGetOnlyTheirOwnOutput() throws Exception {
        assumeTrue(attributesOutputOfConcurrentCalls(), "this host documents that it cannot");
        try (FakeRuntime runtime = start(Fn.CHATTER, 2, logLimit(65536))) {
            Peer first = ready(runtime);
            Peer second = ready(runtime);

            first.write(invoke("ra", "a overlap"));
            second.write(invoke("rb", "b overlap"));
            List<Frame> a = new ArrayList<>(List.of(first.read(), first.read()));
            List<Frame> b = new ArrayList<>(List.of(second.read(), second.read()));

            assertThat(((Frame.Logs) a.get(0)).text())
                    .matches("out a\nerr a\n" + LINE_START + "INFO \\[ra] log a\nthread a\n");
            assertThat(((Frame.Logs) b.get(0)).text())
                    .matches("out b\nerr b\n" + LINE_START + "INFO \\[rb] log b\nthread b\n");
            assertThat(text(((Frame.Result) a.get(1)).body())).isEqualTo("done a");
            assertThat(text(((Frame.Result) b.get(1)).body())).isEqualTo("done b");
        }
    }

    @Test
    void concurrentCallsKeepTheirOwnLoggerLines() throws Exception {
        try (FakeRuntime runtime = start(Fn.CHATTER, 2, logLimit(65536))) {
            Peer first = ready(runtime);
            Peer second = ready(runtime);

            first.write(invoke("ra", "a overlap"));
            second.write(invoke("rb", "b overlap"));
            Frame.Logs a = (Frame.Logs) first.read();
            Frame.Logs b = (Frame.Logs) second.read();

            assertThat(a.text()).contains("INFO [ra] log a\n").doesNotContain("[rb]", "out b", "err b");
            assertThat(b.text()).contains("INFO [rb] log b\n").doesNotContain("[ra]", "out a", "err a");
            assertThat(text(((Frame.Result) first.read()).body())).isEqualTo("done a");
            assertThat(text(((Frame.Result) second.read()).body())).isEqualTo("done b");
        }
    }
}
