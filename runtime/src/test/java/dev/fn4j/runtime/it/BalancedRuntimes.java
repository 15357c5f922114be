package dev.fn4j.runtime.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.testing.TestContainers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Several runtime processes on loopback ports, each with its own data directory, sharing one
 * PostgreSQL schema made for the test and the local Docker engine, behind an nginx of the test's
 * own that balances them round robin. Skips the test (an assumption) when nginx or PostgreSQL is
 * missing. {@link #close} stops the runtimes that still run (removing their containers), removes
 * whatever test container a killed one left, stops nginx and drops the schema.
 */
final class BalancedRuntimes implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestDatabase database;
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<RuntimeProcess> runtimes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private Nginx nginx;

    private BalancedRuntimes(TestDatabase database) {
        this.database = database;
    }

    /** Starts {@code count} runtimes with {@code extraArgs} and nginx in front of them. */
    static BalancedRuntimes start(int count, List<String> extraArgs) throws Exception {
        Path binary = Nginx.binary().orElse(null);
        assumeTrue(binary != null, "nginx is not installed (bash scripts/nginx-up.sh installs it)");
        String url = System.getProperty(TestDatabase.URL_PROPERTY, "").strip();
        assumeTrue(
                !url.isEmpty() && !url.startsWith("${"),
                "no PostgreSQL: export FN4J_TEST_DATABASE_URL=$(bash scripts/postgres-up.sh)");
        BalancedRuntimes cluster = new BalancedRuntimes(TestDatabase.postgres());
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-cluster-");
                cluster.dataDirs.add(dataDir);
                List<String> args = new ArrayList<>(cluster.database.runtimeArgs());
                args.addAll(extraArgs);
                RuntimeProcess runtime = RuntimeProcess.start(dataDir, args);
                cluster.runtimes.add(runtime);
                ports.add(runtime.port);
                cluster.ids.add(cluster.json(cluster.send(runtime.port, "GET", "/healthz", null))
                        .get("runtimeId")
                        .asText());
            }
            // Calls may wait behind cold starts on a busy machine: nginx waits as long as the client.
            cluster.nginx = Nginx.start(binary, ports, Duration.ofSeconds(120));
        } catch (Throwable e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    RuntimeProcess runtime(int index) {
        return runtimes.get(index);
    }

    /** The runtime's id, as its containers' {@code dev.fn4j.runtime} label carries it. */
    String id(int index) {
        return ids.get(index);
    }

    /** The balancer's port. */
    int balancer() {
        return nginx.port();
    }

    /** A request with the test admin key, unless {@code headers} name another Authorization. */
    HttpResponse<String> send(int port, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(120));
        boolean authorized = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!authorized) {
            request.header("Authorization", TestKeys.bearer(TestKeys.ADMIN));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    /** Uploads the test functions' image through runtime {@code index}; returns its id. */
    String upload(int index) throws Exception {
        HttpResponse<String> upload = http.send(
                runtimes.get(index)
                        .request("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(TestImages.functions()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() != 201) {
            throw new AssertionError("upload failed: " + upload.body());
        }
        return json(upload).get("id").asText();
    }

    /** Containers, running or not, that runtime {@code index} started. */
    List<String> containersOf(int index) {
        return DockerInspector.withLabels(
                Map.of(Labels.RUNTIME, ids.get(index), TestContainers.LABEL, TestContainers.VALUE));
    }

    @Override
    public void close() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (RuntimeProcess runtime : runtimes) {
            if (runtime.isAlive()) {
                runtime.terminate(Duration.ofSeconds(60));
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            // A killed runtime's containers, should no survivor have removed them.
            containersOf(i).forEach(DockerInspector::remove);
        }
        database.close();
        for (Path dataDir : dataDirs) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
