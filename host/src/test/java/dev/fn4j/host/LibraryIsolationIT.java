package dev.fn4j.host;

import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles small functions from src/test/functions against real libraries from Maven Central
 * (copied per set into target/function-libs by the build) and runs each in the shaded host:
 * the function's own libraries win, the host's never show, every way of logging lands in the
 * call's log in order, and handlers written for AWS Lambda and Cloud Functions run unchanged.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LibraryIsolationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path classes;

    /** Compiles the function set's sources, copies its other files, and lists its class path. */
    private List<Path> build(String set) throws IOException {
        Path sources = Path.of(FakeRuntime.required("fn4j.test.functions"), set);
        List<Path> libraries;
        try (Stream<Path> jars = Files.list(Path.of(FakeRuntime.required("fn4j.test.libs"), set))) {
            libraries = jars.filter(path -> path.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                Stream.concat(Stream.of(FakeRuntime.hostJar()), libraries.stream())
                        .map(Path::toString)
                        .reduce((a, b) -> a + ":" + b)
                        .orElseThrow()));
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith(".java")) {
                    arguments.add(file.toString());
                } else {
                    Files.copy(file, classes.resolve(sources.relativize(file).toString()));
                }
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                .as("javac exit code")
                .isZero();
        List<Path> path = new ArrayList<>(List.of(classes));
        path.addAll(libraries);
        return path;
    }

    private static Frame.Invoke invoke(String id, String body) {
        return new Frame.Invoke(
                id, System.currentTimeMillis() + 30_000, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> logs() {
        return Map.of("FN4J_LOG_LIMIT_BYTES", "65536");
    }

    @Test
    void theFunctionsOwnJacksonWinsAndNoHostClassIsVisible() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.OwnJackson", 1, Map.of(), build("jackson"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke("r1", "{\"a\":1}"));

            assertThat(text(result.body()))
                    .isEqualTo("{\"databind\":\"2.17.2\",\"written\":\"{\\\"a\\\":1}\","
                            + "\"hostJackson\":false,\"hostMain\":false,\"protocol\":false,\"hostResource\":false}");
        }
    }

    @Test
    void theHostReadsTheFunctionsOwnJsonPropertyAndJsonIgnore() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.RenamedEcho", 1, Map.of(), build("jackson"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke("r1", "{\"first_name\":\"Ada\",\"secret\":\"x\"}"));

            assertThat(text(result.body())).isEqualTo("{\"first_name\":\"Ada\"}");
        }
    }

    @Test
    void slf4jSimpleJulOutAndErrLandInTheCallsLogInOrder() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.SimpleLogs", 1, logs(), build("slf4j-simple"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("r1", "a"));
            Frame.Logs first = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();
            peer.write(invoke("r2", "b"));
            Frame.Logs second = (Frame.Logs) peer.read();

            assertThat(text(result.body())).isEqualTo("done a");
            assertThat(first.requestId()).isEqualTo("r1");
            assertThat(first.text())
                    .matches("(?s)1 out a\n\\[fn4j-serving-1] INFO fns.SimpleLogs - 2 slf4j a\n"
                            + ".*fns.SimpleLogs handle\nWARNING: 3 jul a\n4 err a\n");
            assertThat(second.text()).contains("1 out b\n", "2 slf4j b\n", "WARNING: 3 jul b\n", "4 err b\n");
            assertThat(second.text()).doesNotContain(" a\n");
        }
    }

    @Test
    void logbackLinesCarryTheRequestIdThroughTheMdc() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.LogbackLogs", 1, logs(), build("logback"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("req-7", "a"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();

            assertThat(text(result.body())).isEqualTo("ch.qos.logback.classic.LoggerContext");
            assertThat(logs.text()).isEqualTo("1 out a\n[req-7] INFO LogbackLogs - 2 logback a\n3 err a\n");
        }
    }

    @Test
    void log4jLinesCarryTheRequestIdThroughTheThreadContext() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.Log4jLogs", 1, logs(), build("log4j"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            peer.write(invoke("req-8", "a"));
            Frame.Logs logs = (Frame.Logs) peer.read();
            Frame.Result result = (Frame.Result) peer.read();

            assertThat(text(result.body())).isEqualTo("done a");
            assertThat(logs.text()).isEqualTo("1 out a\n[req-8] INFO Log4jLogs - 2 log4j a\n3 err a\n");
        }
    }

    @Test
    void aLambdaApiGatewayFunctionAnswersAnHttpTriggerCallInTheShadedHost() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.Orders", 1, Map.of(), build("lambda"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(new Frame.Invoke(
                    "r1",
                    System.currentTimeMillis() + 30_000,
                    List.of(
                            new Frame.Header(":method", "POST"),
                            new Frame.Header(":path", "/orders"),
                            new Frame.Header(":query", "q=1&tag=t"),
                            new Frame.Header("accept", "*/*")),
                    "hi".getBytes(StandardCharsets.UTF_8)));

            assertThat(result.headers()).startsWith(new Frame.Header(":status", "201"));
            assertThat(text(result.body()))
                    .isEqualTo("POST /orders q=1 tags=[t] accept=*/* proxy=orders id=r1 body=hi base64=false");
        }
    }

    @Test
    void aCloudFunctionsHttpFunctionAnswersInTheShadedHost() throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start("fns.Greet", 1, Map.of(), build("gcf"))) {
            Peer peer = runtime.accept(WAIT);
            peer.readHello();

            Frame.Result result = (Frame.Result) peer.call(invoke("r1", "x"));

            assertThat(result.headers()).startsWith(new Frame.Header(":status", "202"));
            assertThat(text(result.body())).isEqualTo("Hello, world! / / agent=? type=? body=x");
        }
    }
}
