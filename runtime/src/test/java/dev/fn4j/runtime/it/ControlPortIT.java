package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                    .contains("control port: health checks, metrics and admin API on http://127.0.0.1:" + controlPort);

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
