package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.Thrower;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable backlog at the seed's scale: 10,000 asynchronous calls sent at once over 32
 * connections are all accepted, the runtime is killed with {@code kill -9} half-way through the
 * drain, and after a restart every accepted call ends with its result. The handler is trivial and
 * its function runs {@code maxInstances 2 × concurrency 32} at once, so the drain takes seconds, not
 * minutes; its other settings are the defaults ({@code maxBacklog} 100,000 included). Prints the
 * accept and drain rates and the latency of {@code /healthz} and of another function's
 * synchronous calls during the burst, for docs/benchmarks.md; asserts no timing.
 */
abstract class BacklogBurstContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CALLS = 10_000;
    private static final int CONNECTIONS = 32;

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(CONNECTIONS))
            .build();
    private TestDatabase database;
    private Path dataDir;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.create(kind());
        dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-burst-");
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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

    private String status(RuntimeProcess runtime, String id) throws Exception {
        return MAPPER.readTree(
                        send(runtime, "GET", "/v1/invocations/" + id, null).body())
                .get("status")
                .asText();
    }

    @Test
    void tenThousandCallsAreAllAcceptedAndAllEndWithTheirResultAcrossAKillMinus9() throws Exception {
        String[] ids = new String[CALLS];
        Map<String, List<Long>> latencies = new TreeMap<>();
        long acceptNanos;
        long drainStart;
        long killedAfterNanos;
        try (RuntimeProcess first = RuntimeProcess.start(dataDir, database.runtimeArgs())) {
            HttpResponse<String> upload = http.send(
                    first.request("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(TestImages.functions()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String image = MAPPER.readTree(upload.body()).get("id").asText();
            deploy(first, "burst", image, Thrower.class.getName(), ",\"maxInstances\":2,\"concurrency\":32");
            deploy(first, "bystander", image, Greeter.class.getName(), ",\"minInstances\":1");
            assertThat(send(first, "POST", "/v1/functions/bystander/invocations", "{}")
                            .statusCode())
                    .isEqualTo(200);
            Map<String, List<Long>> quiet = probe(first, Duration.ofSeconds(2));

            AtomicBoolean bursting = new AtomicBoolean(true);
            ExecutorService prober = Executors.newSingleThreadExecutor();
            Future<Map<String, List<Long>>> during = prober.submit(() -> probeWhile(first, bursting));
            Map<Integer, Integer> refused = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
            long start = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                sent.add(senders.submit(() -> {
                    for (int i = connection; i < CALLS; i += CONNECTIONS) {
                        HttpResponse<String> accepted = send(
                                first,
                                "POST",
                                "/v1/functions/burst/invocations",
                                "job " + i,
                                "Prefer",
                                "respond-async");
                        if (accepted.statusCode() == 202) {
                            ids[i] = MAPPER.readTree(accepted.body()).get("id").asText();
                        } else {
                            refused.merge(accepted.statusCode(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            acceptNanos = System.nanoTime() - start;
            drainStart = start;
            senders.shutdown();
            assertThat(refused).as("refused calls by status").isEmpty();

            // Oldest first: once the middle call has run, about half the backlog has drained.
            Await.until(
                    "the middle call ran",
                    Duration.ofSeconds(120),
                    () -> status(first, ids[CALLS / 2]).matches("running|succeeded"));
            killedAfterNanos = System.nanoTime() - drainStart;
            bursting.set(false);
            latencies.putAll(during.get());
            prober.shutdown();
            assertThat(status(first, ids[CALLS - 1])).as("the last call waits").isEqualTo("queued");
            first.kill();
            print("quiet", quiet);
        }

        long restart = System.nanoTime();
        try (RuntimeProcess second = RuntimeProcess.start(dataDir, database.runtimeArgs())) {
            Await.until(
                    "the last call ended",
                    Duration.ofSeconds(180),
                    () -> status(second, ids[CALLS - 1]).equals("succeeded"));
            long drainAfterRestart = System.nanoTime() - restart;
            ExecutorService checkers = Executors.newFixedThreadPool(8);
            List<Future<String>> checks = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String id = ids[i];
                int n = i;
                checks.add(checkers.submit(() -> {
                    JsonNode invocation = null;
                    for (int tries = 0; tries < 600; tries++) {
                        invocation = MAPPER.readTree(send(second, "GET", "/v1/invocations/" + id, null)
                                .body());
                        if (invocation.get("status").asText().equals("succeeded")) {
                            return invocation.get("result").asText();
                        }
                        Thread.sleep(100);
                    }
                    return "job " + n + " did not succeed: " + invocation;
                }));
            }
            for (Future<String> check : checks) {
                assertThat(check.get()).isEqualTo("fine");
            }
            checkers.shutdown();
            System.out.printf(
                    "[burst %s] %d calls accepted in %d ms (%.0f/s) over %d connections; killed after %d ms;"
                            + " after the restart the rest drained in %d ms%n",
                    database.kind(),
                    CALLS,
                    acceptNanos / 1_000_000,
                    CALLS * 1e9 / acceptNanos,
                    CONNECTIONS,
                    killedAfterNanos / 1_000_000,
                    drainAfterRestart / 1_000_000);
            print("during the burst", latencies);
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    private void deploy(RuntimeProcess runtime, String name, String image, String handler, String extra)
            throws Exception {
        HttpResponse<String> created = send(
                runtime,
                "PUT",
                "/v1/functions/" + name,
                "{\"image\":\"" + image + "\",\"handler\":\"" + handler + "\"" + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** Times /healthz and a synchronous call of the bystander, one after the other, for {@code length}. */
    private Map<String, List<Long>> probe(RuntimeProcess runtime, Duration length) throws Exception {
        AtomicBoolean on = new AtomicBoolean(true);
        long end = System.nanoTime() + length.toNanos();
        Map<String, List<Long>> latencies = new TreeMap<>();
        while (System.nanoTime() < end && on.get()) {
            sample(runtime, latencies);
        }
        return latencies;
    }

    private Map<String, List<Long>> probeWhile(RuntimeProcess runtime, AtomicBoolean on) throws Exception {
        Map<String, List<Long>> latencies = new TreeMap<>();
        while (on.get()) {
            sample(runtime, latencies);
        }
        return latencies;
    }

    private void sample(RuntimeProcess runtime, Map<String, List<Long>> latencies) throws Exception {
        long t0 = System.nanoTime();
        send(runtime, "GET", "/healthz", null);
        long t1 = System.nanoTime();
        send(runtime, "POST", "/v1/functions/bystander/invocations", "{}");
        long t2 = System.nanoTime();
        latencies.computeIfAbsent("healthz", k -> new ArrayList<>()).add((t1 - t0) / 1000);
        latencies.computeIfAbsent("sync call", k -> new ArrayList<>()).add((t2 - t1) / 1000);
        Thread.sleep(10);
    }

    private void print(String when, Map<String, List<Long>> latencies) {
        latencies.forEach((what, micros) -> {
            Long[] sorted = micros.toArray(new Long[0]);
            Arrays.sort(sorted);
            System.out.printf(
                    "[burst %s] %s %s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    database.kind(),
                    when,
                    what,
                    sorted.length,
                    sorted[sorted.length / 2] / 1000.0,
                    sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1000.0,
                    Collections.max(micros) / 1000.0);
        });
    }
}
