package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Sleeper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What survives the runtime's process: a stop and start keeps functions, their revisions and
 * their warm minimum; a {@code kill -9} loses no asynchronous call. Run against H2 and
 * PostgreSQL by the subclasses.
 */
abstract class DurabilityContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase database;
    private Path dataDir;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.create(kind());
        dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-dur-");
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private RuntimeProcess start() throws Exception {
        return RuntimeProcess.start(dataDir, database.runtimeArgs());
    }

    private HttpResponse<String> send(
            RuntimeProcess runtime, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = runtime.request(
                method,
                path,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    private String upload(RuntimeProcess runtime) throws Exception {
        HttpResponse<String> upload = http.send(
                runtime.request("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(TestImages.functions()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return json(upload).get("id").asText();
    }

    private JsonNode awaitReadyInstance(RuntimeProcess runtime, String name) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode function = null;
        while (Instant.now().isBefore(deadline)) {
            function = json(send(runtime, "GET", "/v1/functions/" + name, null));
            for (JsonNode instance : function.get("instances")) {
                if (instance.get("state").asText().equals("ready")) {
                    return function;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ready instance of " + name + " within 60s: " + function);
    }

    @Test
    void aRestartKeepsFunctionsTheirRevisionsAndTheirWarmMinimum() throws Exception {
        List<String> deployedAt = new ArrayList<>();
        String image;
        try (RuntimeProcess first = start()) {
            image = upload(first);
            HttpResponse<String> created = send(
                    first,
                    "PUT",
                    "/v1/functions/kept",
                    "{\"image\":\"" + image + "\",\"handler\":\"" + Greeter.class.getName() + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> updated = send(
                    first,
                    "PUT",
                    "/v1/functions/kept",
                    "{\"image\":\""
                            + image + "\",\"handler\":\"" + Greeter.class.getName()
                            + "\",\"minInstances\":1,\"env\":{\"GREETING\":\"Salut\"}}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            for (JsonNode revision : json(updated).get("revisions")) {
                deployedAt.add(revision.get("deployedAt").asText());
            }
            assertThat(first.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }

        try (RuntimeProcess second = start()) {
            JsonNode list = json(send(second, "GET", "/v1/functions", null));
            assertThat(list.get("functions")).hasSize(1);
            assertThat(list.get("functions").get(0).get("name").asText()).isEqualTo("kept");
            assertThat(list.get("functions").get(0).get("revision").asLong()).isEqualTo(2);

            JsonNode kept = awaitReadyInstance(second, "kept");
            assertThat(kept.get("env").get("GREETING").asText()).isEqualTo("Salut");
            assertThat(kept.get("minInstances").asInt()).isEqualTo(1);
            JsonNode revisions = kept.get("revisions");
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(0).get("revision").asLong()).isEqualTo(2);
            assertThat(revisions.get(1).get("revision").asLong()).isEqualTo(1);
            for (JsonNode revision : revisions) {
                assertThat(revision.get("image").asText()).isEqualTo(image);
                assertThat(revision.get("handler").asText()).isEqualTo(Greeter.class.getName());
            }
            assertThat(List.of(
                            revisions.get(0).get("deployedAt").asText(),
                            revisions.get(1).get("deployedAt").asText()))
                    .isEqualTo(deployedAt);

            HttpResponse<String> call = send(second, "POST", "/v1/functions/kept/invocations", "{\"name\":\"Ada\"}");
            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            assertThat(json(call).get("message").asText()).isEqualTo("Salut, Ada!");
            assertThat(call.headers().firstValue("Fn-Cold-Start"))
                    .as("the minimum was warm")
                    .hasValue("false");
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    @Test
    void killMinus9LosesNoQueuedOrRunningAsyncCall() throws Exception {
        List<String> ids = new ArrayList<>();
        try (RuntimeProcess first = start()) {
            String image = upload(first);
            HttpResponse<String> created = send(
                    first,
                    "PUT",
                    "/v1/functions/sleepy",
                    "{\"image\":\"" + image + "\",\"handler\":\"" + Sleeper.class.getName()
                            + "\",\"maxInstances\":1,\"concurrency\":1}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> accepted =
                        send(first, "POST", "/v1/functions/sleepy/invocations", "1500", "Prefer", "respond-async");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                ids.add(json(accepted).get("id").asText());
            }
            Instant deadline = Instant.now().plusSeconds(60);
            String status = "";
            while (!status.equals("running") && Instant.now().isBefore(deadline)) {
                status = json(send(first, "GET", "/v1/invocations/" + ids.get(0), null))
                        .get("status")
                        .asText();
                Thread.sleep(20);
            }
            assertThat(status).as("the first call started").isEqualTo("running");
            assertThat(json(send(first, "GET", "/v1/invocations/" + ids.get(3), null))
                            .get("status")
                            .asText())
                    .as("the last still waits")
                    .isEqualTo("queued");
            first.kill();
        }

        try (RuntimeProcess second = start()) {
            List<JsonNode> ended = new ArrayList<>();
            for (String id : ids) {
                Instant deadline = Instant.now().plusSeconds(90);
                JsonNode invocation = null;
                while (Instant.now().isBefore(deadline)) {
                    invocation = json(send(second, "GET", "/v1/invocations/" + id, null));
                    if (!invocation.get("status").asText().matches("queued|running")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                ended.add(invocation);
                assertThat(invocation.get("status").asText())
                        .as("%s", invocation)
                        .isEqualTo("succeeded");
                assertThat(invocation.get("result").asText()).startsWith("slept 1500 in ");
                assertThat(invocation.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
            }
            assertThat(ended.get(0).get("attempts").asInt())
                    .as("the call running at the kill ran again")
                    .isEqualTo(2);
            assertThat(ended.get(3).get("attempts").asInt())
                    .as("a call still queued at the kill ran once")
                    .isEqualTo(1);
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }
}
