package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime's jar with {@code --control-port}: the second listener serves the health checks,
 * the metrics and the admin API with the same keys as the main port, and sends function calls
 * back to the main port, which still serves everything.
 */
class ControlPortIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheControlPlaneOnItsOwnPortAndCallsOnlyOnTheMainOne() throws Exception {
        int controlPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            controlPort = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-control-");
        try (RuntimeProcess runtime =
                RuntimeProcess.start(dataDir, List.of("--control-port", Integer.toString(controlPort)))) {
            assertThat(Files.readString(runtime.log))
                    .contains("control port: health checks, metrics and admin API on http://127.0.0.1:" + controlPort)
                    .as("without -XX:ThreadPriorityPolicy=1 the runtime says how to put its control plane first")
                    .contains("the control port's threads run at the calls' priority: start the runtime's JVM with"
                            + " -XX:ThreadPriorityPolicy=1, as root or with CAP_SYS_NICE, so that health checks,"
                            + " scrapes and the admin API are served ahead of calls that saturate the CPUs");

            Reply health = send(controlPort, "GET", "/healthz", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("ok");
            assertThat(send(controlPort, "GET", "/readyz", null).status()).isEqualTo(200);
            Reply metrics = send(controlPort, "GET", "/metrics", null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");

            assertThat(send(controlPort, "GET", "/v1/functions", null).status())
                    .as("the same keys on both ports")
                    .isEqualTo(401);
            Reply functions = send(controlPort, "GET", "/v1/functions", TestKeys.ADMIN);
            assertThat(functions.status()).isEqualTo(200);
            assertThat(functions.json().path("functions").isArray())
                    .as(functions.body())
                    .isTrue();

            Reply call = send(controlPort, "POST", "/v1/functions/hello/invocations", TestKeys.ADMIN);
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.errorCode()).isEqualTo("not_found");
            assertThat(call.errorMessage())
                    .isEqualTo("POST /v1/functions/hello/invocations is served on the runtime's main port, not on"
                            + " its control port (--control-port), which serves only health checks, metrics and"
                            + " the admin API; send it to the main port (--port)");
            assertThat(send(controlPort, "GET", "/fn/hello", TestKeys.ADMIN).status())
                    .isEqualTo(404);

            assertThat(send(runtime.port, "GET", "/healthz", null).status()).isEqualTo(200);
            assertThat(send(runtime.port, "POST", "/v1/functions/hello/invocations", TestKeys.ADMIN)
                            .errorCode())
                    .as("the main port still takes calls")
                    .isEqualTo("function_not_found");
        }
    }

    @Test
    void runsTheControlPlanesThreadsAheadOfTheCallsWhenTheJvmPassesPrioritiesToLinux() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "raising a thread's priority takes root or CAP_SYS_NICE");
        int controlPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            controlPort = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-control-");
        try (RuntimeProcess runtime = RuntimeProcess.start(
                List.of("-XX:ThreadPriorityPolicy=1"),
                dataDir,
                List.of("--control-port", Integer.toString(controlPort)),
                TestKeys.ADMIN)) {
            // A key not checked yet goes to the control plane's pool, which starts its first thread.
            assertThat(send(controlPort, "GET", "/v1/functions", TestKeys.ADMIN).status())
                    .isEqualTo(200);
            assertThat(send(controlPort, "GET", "/healthz", null).status()).isEqualTo(200);

            Map<String, Integer> nice = niceByThread(runtime.pid());
            assertThat(nice).as("nice value by thread name").containsEntry("fn4j-ctl I/O-1", -5);
            assertThat(nice).containsEntry("fn4j-control-1", -5);
            assertThat(nice)
                    .as("the main port's IO threads, which read calls, stay at normal priority")
                    .containsEntry("XNIO-1 I/O-1", 0);
            assertThat(Files.readString(runtime.log)).doesNotContain("run at the calls' priority");
        }
    }

    /** The nice value of each thread of process {@code pid}, by its name as Linux keeps it (15 characters). */
    private static Map<String, Integer> niceByThread(long pid) throws Exception {
        Map<String, Integer> nice = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // Fields after the name (which may hold spaces); the nice value is field 19 of proc(5).
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nice.put(name, Integer.parseInt(fields[16]));
            }
        }
        return nice;
    }

    private Reply send(int port, String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (key != null) {
            request.header("Authorization", TestKeys.bearer(key));
        }
        HttpResponse<byte[]> raw = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(raw.statusCode(), raw);
    }
}
