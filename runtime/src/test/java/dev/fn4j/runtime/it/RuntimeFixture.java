package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.FnRuntime;
import dev.fn4j.runtime.RuntimeConfig;
import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.testing.TestContainers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real runtime, in this JVM, on a free loopback port with its own data directory, its
 * containers labelled as the tests' ({@link TestContainers}), and an HTTP client for it. Closing it stops the runtime and checks that it left no container behind.
 */
public final class RuntimeFixture implements AutoCloseable {

    private final Path dataDir;
    private final FnRuntime runtime;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private RuntimeFixture(Path dataDir, FnRuntime runtime) {
        this.dataDir = dataDir;
        this.runtime = runtime;
        this.base = URI.create("http://127.0.0.1:" + runtime.port());
    }

    public static RuntimeFixture start(String... extraArgs) throws IOException {
        return start(TestDatabase.create(TestDatabase.Kind.H2), extraArgs);
    }

    /** A runtime keeping its state in {@code database}. */
    public static RuntimeFixture start(TestDatabase database, String... extraArgs) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-it-");
        String[] args = Stream.of(
                        // Stems off unless a test asks: these tests look at containers by function label,
                        // which an instance that started from a stem does not carry (StemsIT covers stems).
                        Stream.of(
                                "--port",
                                "0",
                                "--data-dir",
                                dataDir.toString(),
                                "--shutdown-grace-seconds",
                                "5",
                                "--stems",
                                "0"),
                        TestContainers.RUNTIME_ARGS.stream(),
                        database.runtimeArgs().stream(),
                        Stream.of(extraArgs))
                .flatMap(s -> s)
                .toArray(String[]::new);
        RuntimeConfig config = RuntimeConfig.parse(args, Map.of("FN4J_ADMIN_KEY", TestKeys.ADMIN));
        return new RuntimeFixture(dataDir, FnRuntime.start(config, DockerContainerEngine.fromEnvironment()));
    }

    /** The runtime's data directory (its H2 database is under it). */
    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public String runtimeId() {
        return runtime.runtimeId();
    }

    /** Uploads the test functions' image and returns its id. */
    public String uploadTestImage() throws Exception {
        return uploadImage(TestImages.functions());
    }

    /** Uploads an image archive and returns its id. */
    public String uploadImage(Path archive) throws Exception {
        Reply reply = send("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(archive), Map.of());
        assertThat(reply.status()).as("upload: %s", reply).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    /** Deploys a function from the test image with extra spec fields (JSON members, or ""). */
    public Reply deploy(String name, String imageId, String handlerClass, String extraFields) {
        // The ITs count queued calls and instances as one call per instance; the default is 16.
        String fields = extraFields.contains("\"concurrency\"")
                ? extraFields
                : "\"concurrency\":1" + (extraFields.isEmpty() ? "" : "," + extraFields);
        String spec = "{\"image\":\"" + imageId + "\",\"handler\":\"" + handlerClass + "\"," + fields + "}";
        return send("PUT", "/v1/functions/" + name, spec);
    }

    public Reply invoke(String name, String body) {
        return send("POST", "/v1/functions/" + name + "/invocations", body);
    }

    /** Calls the function's instances are running now, as GET /v1/functions/{name} shows them. */
    public int inFlight(String function) {
        int calls = 0;
        for (JsonNode instance :
                send("GET", "/v1/functions/" + function, null).json().get("instances")) {
            calls += instance.get("inFlight").asInt();
        }
        return calls;
    }

    /** Calls waiting for an instance of the function, as /metrics reads them now. */
    public int queueDepth(String function) {
        Matcher depth = Pattern.compile(
                        "(?m)^fn4j_queue_depth\\{function=\"" + Pattern.quote(function) + "\"} ([0-9.]+)$")
                .matcher(send("GET", "/metrics", null).body());
        return depth.find() ? (int) Double.parseDouble(depth.group(1)) : 0;
    }

    /** Sends with the admin key. */
    public Reply send(String method, String path, String body) {
        return sendAs(TestKeys.ADMIN, method, path, body);
    }

    /** Sends with {@code key}, or with no key when it is null. */
    public Reply sendAs(String key, String method, String path, String body) {
        return exchange(
                method,
                path,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                key == null ? Map.of() : Map.of("Authorization", TestKeys.bearer(key)));
    }

    /** Sends with the admin key unless {@code headers} has an {@code Authorization}. */
    public Reply send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        Map<String, String> withKey = new java.util.HashMap<>(headers);
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            withKey.put("Authorization", TestKeys.bearer(TestKeys.ADMIN));
        }
        return exchange(method, path, body, withKey);
    }

    private Reply exchange(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        runtime.close();
        try (DockerContainerEngine engine = DockerContainerEngine.fromEnvironment()) {
            assertThat(engine.listByLabel(Labels.RUNTIME, runtime.runtimeId()))
                    .as("containers left behind by runtime %s", runtime.runtimeId())
                    .isEmpty();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
