package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Sleeper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime as a process: a crash leaves containers that the next start removes; SIGTERM drains. */
class LifecycleIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path tmp;

    private HttpResponse<String> send(
            RuntimeProcess runtime, String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(runtime.request(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String deploy(RuntimeProcess runtime, String name, String handler) throws Exception {
        var upload = send(runtime, "POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(TestImages.functions()));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String image = upload.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        var put = send(
                runtime,
                "PUT",
                "/v1/functions/" + name,
                HttpRequest.BodyPublishers.ofString("{\"image\":\"" + image + "\",\"handler\":\"" + handler + "\"}"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        return image;
    }

    private static List<String> containersOf(String runtimeId) {
        try (DockerContainerEngine engine = DockerContainerEngine.fromEnvironment()) {
            return engine.listByLabel(Labels.RUNTIME, runtimeId);
        }
    }

    @Test
    void containersLeftByACrashedRuntimeAreRemovedAtTheNextStart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-life-");
        String runtimeId;
        try (RuntimeProcess first = RuntimeProcess.start(dataDir)) {
            runtimeId = Files.readString(dataDir.resolve("runtime-id")).strip();
            deploy(first, "greeter", Greeter.class.getName());
            var call = send(
                    first,
                    "POST",
                    "/v1/functions/greeter/invocations",
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"));
            assertThat(call.statusCode()).isEqualTo(200);
            first.kill();
        }
        assertThat(containersOf(runtimeId)).as("left behind by kill -9").hasSize(1);
        try (RuntimeProcess second = RuntimeProcess.start(dataDir)) {
            assertThat(Files.readString(dataDir.resolve("runtime-id")).strip()).isEqualTo(runtimeId);
            assertThat(containersOf(runtimeId)).as("after restart").isEmpty();
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    @Test
    void sigtermLetsCallsInFlightFinishRefusesNewOnesAndRemovesEveryContainer() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-life-");
        try (RuntimeProcess runtime = RuntimeProcess.start(dataDir)) {
            String runtimeId = Files.readString(dataDir.resolve("runtime-id")).strip();
            deploy(runtime, "sleeper", Sleeper.class.getName());
            assertThat(send(
                                    runtime,
                                    "POST",
                                    "/v1/functions/sleeper/invocations",
                                    HttpRequest.BodyPublishers.ofString("1"))
                            .statusCode())
                    .isEqualTo(200);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return send(
                            runtime,
                            "POST",
                            "/v1/functions/sleeper/invocations",
                            HttpRequest.BodyPublishers.ofString("3000"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until(
                    "the long call runs",
                    Duration.ofSeconds(10),
                    () -> send(runtime, "GET", "/v1/functions/sleeper", HttpRequest.BodyPublishers.noBody())
                            .body()
                            .contains("\"inFlight\":1"));
            CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> {
                try {
                    return runtime.terminate(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until(
                    "the runtime stops admitting",
                    Duration.ofSeconds(10),
                    () -> send(runtime, "GET", "/v1/functions", HttpRequest.BodyPublishers.noBody())
                                    .statusCode()
                            == 503);
            var refused = send(
                    runtime, "POST", "/v1/functions/sleeper/invocations", HttpRequest.BodyPublishers.ofString("1"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("\"code\":\"shutting_down\"");

            var finished = inFlight.get();
            assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
            assertThat(finished.body()).startsWith("slept 3000");
            assertThat(stopped.get()).isIn(0, 143);
            assertThat(containersOf(runtimeId)).isEmpty();
        }
    }
}
