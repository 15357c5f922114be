package dev.fn4j.host;

import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.testfns.Chatter;
import dev.fn4j.host.testfns.ContextProbe;
import dev.fn4j.host.testfns.Echo;
import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.HttpEcho;
import dev.fn4j.host.testfns.JacksonProbe;
import dev.fn4j.host.testfns.NoteEcho;
import dev.fn4j.host.testfns.Thrower;
import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the real shaded host jar as a process against a {@link FakeRuntime}: what only the Java host
 * does. The protocol cases every host must pass are {@link HostConformance}'s, run on this jar by
 * {@code JavaHostConformanceIT}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Frame.Invoke invoke(String id, String body, Frame.Header... headers) {
        return new Frame.Invoke(
                id, System.currentTimeMillis() + 30_000, List.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void helloArrivesOnEveryConnection() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Echo.class.getName(), 3, Map.of())) {
            Set<Integer> indexes = new TreeSet<>();
            for (int i = 0; i < 3; i++) {
                Frame.Hello hello = runtime.accept(WAIT).readHello();
                assertThat(hello.instanceId()).isEqualTo("it-instance");
                assertThat(hello.handler()).isEqualTo(Echo.class.getName());
                indexes.add(hello.connection());
            }
            assertThat(indexes).containsExactly(0, 1, 2);
        }
    }

    @Test
    void throwingHandlerGivesFunctionErrorAndTheNextCallSucceeds() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Thrower.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame first = peer.call(invoke("r1", "boom"));
            Frame second = peer.call(invoke("r2", "again"));

            assertThat(first).isInstanceOf(Frame.FunctionError.class);
            Frame.FunctionError error = (Frame.FunctionError) first;
            assertThat(error.requestId()).isEqualTo("r1");
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.message()).isEqualTo("boom");
            assertThat(error.stackTrace()).contains("at dev.fn4j.host.testfns.Thrower.handle(");
            assertThat(second).isInstanceOf(Frame.Result.class);
            assertThat(text(((Frame.Result) second).body())).isEqualTo("ok:again");
        }
    }

    @Test
    void stackOverflowIsAFunctionErrorAndTheHostKeepsServing() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Thrower.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.FunctionError error = (Frame.FunctionError) peer.call(invoke("r1", "deep"));
            Frame.Result next = (Frame.Result) peer.call(invoke("r2", "x"));

            assertThat(error.errorType()).isEqualTo("java.lang.StackOverflowError");
            assertThat(text(next.body())).isEqualTo("ok:x");
        }
    }

    @Test
    void outOfMemoryIsAFatalPlatformErrorAndExitCode3() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Thrower.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame answer = peer.call(invoke("r1", "oom"));

            assertThat(answer)
                    .isEqualTo(new Frame.PlatformError(
                            "r1", "out_of_memory", "java.lang.OutOfMemoryError: test heap", true));
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(3);
            assertThat(runtime.stderr())
                    .contains("fn4j-host: fatal java.lang.OutOfMemoryError: test heap in call r1; halting");
        }
    }

    @Test
    void otherVirtualMachineErrorIsAFatalVmErrorAndExitCode4() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Thrower.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame answer = peer.call(invoke("r1", "internal"));

            assertThat(answer)
                    .isEqualTo(
                            new Frame.PlatformError("r1", "vm_error", "java.lang.InternalError: test internal", true));
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(4);
        }
    }

    @Test
    void outOfMemoryInAFunctionThreadHaltsWithExitCode3() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Thrower.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("r1", "thread-oom"));

            assertThat(runtime.waitForExit(WAIT)).isEqualTo(3);
            assertThat(peer.closedByHost()).isTrue();
            assertThat(runtime.stderr())
                    .contains("fn4j-host: fatal java.lang.OutOfMemoryError: thread heap in thread ");
        }
    }

    @Test
    void badHandlerClassExitsWith2NamingTheClass() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("com.example.DoesNotExist", 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            assertThat(peer.read())
                    .isEqualTo(new Frame.PlatformError(
                            "",
                            "handler_failed",
                            "handler com.example.DoesNotExist: class not found on the classpath",
                            true));
            peer.close();

            assertThat(runtime.waitForExit(WAIT)).isEqualTo(2);
            assertThat(runtime.stderr())
                    .isEqualTo("fn4j-host: handler com.example.DoesNotExist: class not found on the classpath\n");
        }
    }

    @Test
    void jsonMapsThroughTheRelocatedJacksonWhichUserCodeCannotSee() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(JacksonProbe.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke("r1", "{\"name\":\"Ada\",\"age\":36}"));

            assertThat(result.headers()).containsExactly(new Frame.Header("content-type", "application/json"));
            assertThat(text(result.body()))
                    .isIn("{\"jacksonVisible\":false,\"name\":\"Ada\"}", "{\"name\":\"Ada\",\"jacksonVisible\":false}");
        }
    }

    @Test
    void recordInputAndBadInputOverTheWire() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Greeter.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result ok = (Frame.Result) peer.call(invoke("r1", "{\"name\":\"Ada\",\"age\":36}"));
            Frame.PlatformError bad = (Frame.PlatformError) peer.call(invoke("r2", "[1]"));

            assertThat(text(ok.body())).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
            assertThat(bad.requestId()).isEqualTo("r2");
            assertThat(bad.code()).isEqualTo("bad_input");
            assertThat(bad.fatal()).isFalse();
            assertThat(bad.message()).startsWith("the body is not JSON for dev.fn4j.host.testfns.Person: ");
        }
    }

    @Test
    void optionalJavaTimeAndBigDecimalMapThroughTheShadedJarAndBadInputNamesNoRelocatedClass() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(NoteEcho.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();
            String note = "{\"text\":\"hi\",\"at\":\"2026-12-05T10:15:30Z\",\"amount\":0.10}";

            Frame.Result ok = (Frame.Result) peer.call(invoke("r1", note));
            Frame.PlatformError bad = (Frame.PlatformError) peer.call(invoke("r2", "{\"at\":\"tomorrow\"}"));

            assertThat(text(ok.body())).isEqualTo(note);
            assertThat(bad.code()).isEqualTo("bad_input");
            assertThat(bad.message())
                    .isEqualTo("the body is not JSON for dev.fn4j.host.testfns.Note: "
                            + "expected a date-time such as 2026-12-05T10:15:30Z, got \"tomorrow\" (at $.at)");
        }
    }

    @Test
    void httpHandlerGetsTheRequestAndAnswersStatus() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(HttpEcho.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke(
                    "r1",
                    "hi",
                    new Frame.Header(":method", "GET"),
                    new Frame.Header(":path", "/p"),
                    new Frame.Header(":query", "q=1"),
                    new Frame.Header("Accept", "x/y")));

            assertThat(result.headers().get(0)).isEqualTo(new Frame.Header(":status", "201"));
            assertThat(result.headers())
                    .contains(
                            new Frame.Header("x-method", "GET"),
                            new Frame.Header("x-path", "/p"),
                            new Frame.Header("x-query", "q=1"),
                            new Frame.Header("x-h-accept", "x/y"));
            assertThat(text(result.body())).isEqualTo("hi");
        }
    }

    @Test
    void contextCarriesOnlyTheConfiguredKeysAndLogsGoToStderr() throws Exception {
        Map<String, String> env = Map.of("FN4J_CONFIG_KEYS", "GREETING", "GREETING", "Hi", "SECRET", "x");
        try (FakeRuntime runtime = FakeRuntime.start(ContextProbe.class.getName(), 1, env)) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke("req-42", "input"));
            peer.close();
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(0);

            assertThat(text(result.body()))
                    .contains(
                            "\"requestId\":\"req-42\"",
                            "\"functionName\":\"it-fn\"",
                            "\"remainingPositive\":true",
                            "\"config\":{\"GREETING\":\"Hi\"}");
            assertThat(runtime.stderr())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z INFO \\[req-42] probing input\n");
        }
    }

    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ";

    private static Map<String, String> logLimit(int bytes) {
        return Map.of("FN4J_LOG_LIMIT_BYTES", Integer.toString(bytes));
    }

    @Test
    void outputOfACallArrivesAsLogsJustBeforeItsAnswerAndStillReachesTheContainerStreams() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Chatter.class.getName(), 1, logLimit(65536))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("r1", "a"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();
            peer.close();
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(0);

            assertThat(logs.requestId()).isEqualTo("r1");
            assertThat(logs.truncated()).isFalse();
            assertThat(logs.text()).matches("out a\nerr a\n" + LINE_START + "INFO \\[r1] log a\nthread a\n");
            assertThat(text(result.body())).isEqualTo("done a");
            assertThat(runtime.stdout()).isEqualTo("out a\nthread a\n");
            assertThat(runtime.stderr()).matches("err a\n" + LINE_START + "INFO \\[r1] log a\n");
        }
    }

    @Test
    void withoutALogLimitTheHostSendsNoLogsFrame() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Chatter.class.getName(), 1, Map.of())) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame answer = peer.call(invoke("r1", "a"));

            assertThat(answer).isInstanceOf(Frame.Result.class);
        }
    }

    @Test
    void concurrentCallsOnOneInstanceGetOnlyTheirOwnOutput() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Chatter.class.getName(), 2, logLimit(65536))) {
            Peer first = runtime.accept(WAIT);
            Peer second = runtime.accept(WAIT);
            first.readHello();
            second.readHello();

            // Each call waits, between its out and err lines, until the other is inside too.
            first.write(invoke("ra", "a overlap"));
            second.write(invoke("rb", "b overlap"));
            Frame.Logs a = (Frame.Logs) first.read();
            Frame.Logs b = (Frame.Logs) second.read();

            assertThat(text(((Frame.Result) first.read()).body())).isEqualTo("done a");
            assertThat(text(((Frame.Result) second.read()).body())).isEqualTo("done b");
            assertThat(a.requestId()).isEqualTo("ra");
            assertThat(a.text()).matches("out a\nerr a\n" + LINE_START + "INFO \\[ra] log a\nthread a\n");
            assertThat(b.requestId()).isEqualTo("rb");
            assertThat(b.text()).matches("out b\nerr b\n" + LINE_START + "INFO \\[rb] log b\nthread b\n");
        }
    }

    /** Reads a call's frames up to its answer: LogLines texts joined, then the Logs and the answer. */
    private static List<Frame> untilAnswer(Peer peer, StringBuilder streamed) throws IOException {
        List<Frame> rest = new ArrayList<>();
        Frame frame = peer.read();
        while (frame instanceof Frame.LogLines lines) {
            streamed.append(lines.text());
            frame = peer.read();
        }
        rest.add(frame);
        if (frame instanceof Frame.Logs) {
            rest.add(peer.read());
        }
        return rest;
    }

    @Test
    void withALogStreamIntervalLinesArriveWhileTheCallRunsAndPrefixItsLogs() throws Exception {
        Map<String, String> env = Map.of("FN4J_LOG_LIMIT_BYTES", "65536", "FN4J_LOG_STREAM_MILLIS", "5");
        try (FakeRuntime runtime = FakeRuntime.start(Chatter.class.getName(), 2, env)) {
            Peer first = runtime.accept(WAIT);
            Peer second = runtime.accept(WAIT);
            first.readHello();
            second.readHello();

            // Call a prints its first line, then waits inside until call b comes in: whatever it
            // sends before b is sent can only be that line, streamed while it runs.
            first.write(invoke("ra", "a overlap"));
            assertThat(first.read()).isEqualTo(new Frame.LogLines("ra", "out a\n"));
            second.write(invoke("rb", "b overlap"));

            StringBuilder streamedA = new StringBuilder("out a\n");
            StringBuilder streamedB = new StringBuilder();
            List<Frame> a = untilAnswer(first, streamedA);
            List<Frame> b = untilAnswer(second, streamedB);

            Frame.Logs logsA = (Frame.Logs) a.get(0);
            Frame.Logs logsB = (Frame.Logs) b.get(0);
            assertThat(logsA.text())
                    .startsWith(streamedA.toString())
                    .matches("out a\nerr a\n" + LINE_START + "INFO \\[ra] log a\nthread a\n");
            assertThat(logsB.text())
                    .startsWith(streamedB.toString())
                    .matches("out b\nerr b\n" + LINE_START + "INFO \\[rb] log b\nthread b\n");
            assertThat(text(((Frame.Result) a.get(1)).body())).isEqualTo("done a");
            assertThat(text(((Frame.Result) b.get(1)).body())).isEqualTo("done b");
        }
    }

    @Test
    void withoutALogLimitAStreamIntervalSendsNoLogLines() throws Exception {
        try (FakeRuntime runtime =
                FakeRuntime.start(Chatter.class.getName(), 1, Map.of("FN4J_LOG_STREAM_MILLIS", "5"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame answer = peer.call(invoke("r1", "a"));

            assertThat(answer).isInstanceOf(Frame.Result.class);
        }
    }

    @Test
    void functionErrorAndFatalErrorAreEachPrecededByTheCallsLogs() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(Chatter.class.getName(), 1, logLimit(65536))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("r1", "e boom"));
            Frame.Logs errorLogs = (Frame.Logs) peer.read();
            Frame.FunctionError error = (Frame.FunctionError) peer.read();
            peer.write(invoke("r2", "o oom"));
            Frame.Logs fatalLogs = (Frame.Logs) peer.read();
            Frame.PlatformError fatal = (Frame.PlatformError) peer.read();

            assertThat(errorLogs.requestId()).isEqualTo("r1");
            assertThat(errorLogs.text()).startsWith("out e\nerr e\n").endsWith("thread e\n");
            assertThat(error.message()).isEqualTo("boom e");
            assertThat(fatalLogs.requestId()).isEqualTo("r2");
            assertThat(fatalLogs.text()).startsWith("out o\nerr o\n").endsWith("thread o\n");
            assertThat(fatal)
                    .isEqualTo(new Frame.PlatformError(
                            "r2", "out_of_memory", "java.lang.OutOfMemoryError: chatter heap", true));
            assertThat(runtime.waitForExit(WAIT)).isEqualTo(3);
        }
    }
}
