package dev.fn4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.engine.Labels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's jar run as its own process, as users run it, on a free loopback port with a
 * fresh data directory and a fresh admin key ({@code FN4J_ADMIN_KEY}), plus the few API calls the
 * bench makes, each with that key. {@link #close()} stops it with SIGTERM, which removes its
 * containers, and then checks by label that none is left.
 */
final class RuntimeUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final URI base;
    /** The control port's base, or null when the runtime was started without one. */
    private final URI controlBase;

    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String runtimeId = "";

    private RuntimeUnderTest(Process process, Path workDir, Path log, int port, int controlPort, String apiKey) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.controlBase = controlPort < 0 ? null : URI.create("http://127.0.0.1:" + controlPort);
        this.apiKey = apiKey;
    }

    /**
     * Starts the runtime from a private copy of {@code jar} (so a rebuild cannot pull the jar from
     * under it), with a control port ({@code --control-port}) when {@code controlPort}, and waits
     * until /healthz answers 200.
     */
    static RuntimeUnderTest start(Path jar, Path workDir, List<String> jvmArgs, boolean controlPort) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no runtime jar at " + jar.toAbsolutePath()
                    + "; build it with: mvn -B -q -pl runtime -am install -DskipTests,"
                    + " or pass --runtime-jar");
        }
        Path copy = Files.copy(jar, workDir.resolve("fn4j-runtime.jar"), StandardCopyOption.REPLACE_EXISTING);
        // Short: instance socket paths live under it and are limited to 107 bytes.
        Path dataDir = Files.createDirectories(workDir.resolve("d"));
        int port = freePort();
        int control = controlPort ? freePort() : -1;
        Path log = workDir.resolve("runtime.log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-jar",
                copy.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                "--shutdown-grace-seconds",
                "10",
                // Idle instances stay paused this long, then go: ColdStarts times both a resume
                // and a real scale from zero (only its function idles out, after 1 s).
                "--keep-paused",
                "3s"));
        if (control >= 0) {
            command.addAll(List.of("--control-port", Integer.toString(control)));
        }
        String apiKey = newKey();
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FN4J_ADMIN_KEY", apiKey);
        RuntimeUnderTest runtime = new RuntimeUnderTest(builder.start(), workDir, log, port, control, apiKey);
        try {
            runtime.awaitHealthy();
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** A random key in fn4j's own format, {@code fn4j_<12 hex>_<43 base64url>}. */
    private static String newKey() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "fn4j_" + HexFormat.of().formatHex(id) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private void awaitHealthy() throws Exception {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < stop) {
            if (!process.isAlive()) {
                throw new IOException("the runtime exited with " + process.exitValue() + ": " + tail());
            }
            try {
                Reply reply = send("GET", "/healthz", null, null);
                if (reply.status() == 200) {
                    runtimeId = reply.json().path("runtimeId").asText("");
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IOException("the runtime was not healthy within 60s: " + tail());
    }

    long pid() {
        return process.pid();
    }

    String runtimeId() {
        return runtimeId;
    }

    /** The admin key every request carries as {@code Authorization: Bearer}. */
    String apiKey() {
        return apiKey;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** {@code path} on the control port; empty when the runtime has none. */
    java.util.Optional<URI> controlUri(String path) {
        return java.util.Optional.ofNullable(controlBase).map(control -> control.resolve(path));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Path log() {
        return log;
    }

    /** An answer: status, headers of interest, body. */
    record Reply(int status, String body, boolean coldStart, long nanos) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Reply uploadImage(Path tar) throws IOException {
        return send("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(tar), "application/x-tar");
    }

    Reply deploy(String name, String specJson) throws IOException {
        return send("PUT", "/v1/functions/" + name, HttpRequest.BodyPublishers.ofString(specJson), "application/json");
    }

    Reply delete(String name) throws IOException {
        return send("DELETE", "/v1/functions/" + name, null, null);
    }

    Reply describe(String name) throws IOException {
        return send("GET", "/v1/functions/" + name, null, null);
    }

    Reply invoke(String name, byte[] body) throws IOException {
        return send(
                "POST",
                "/v1/functions/" + name + "/invocations",
                HttpRequest.BodyPublishers.ofByteArray(body),
                "text/plain; charset=utf-8");
    }

    Reply invokeJson(String name, byte[] json) throws IOException {
        return send(
                "POST",
                "/v1/functions/" + name + "/invocations",
                HttpRequest.BodyPublishers.ofByteArray(json),
                "application/json");
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long nanos = System.nanoTime() - t0;
        boolean cold = response.headers()
                .firstValue("Fn-Cold-Start")
                .map(Boolean::parseBoolean)
                .orElse(false);
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), cold, nanos);
    }

    /**
     * The runtime's own timing of a function's calls (admission to answer: rate limits, pool
     * lease, socket round trip, host), from /metrics: {sum in ns, count}, or null when the
     * runtime does not publish it.
     */
    long[] invocationTiming(String function) {
        return timing("fn4j_invocation_duration_seconds", "function=\"" + function + "\"");
    }

    /**
     * The runtime's own timing of instance starts (container create and start, JVM start, host
     * ready), summed over every function: {sum in ns, count}, or null.
     */
    long[] coldStartTiming() {
        return timing("fn4j_cold_start_duration_seconds", "");
    }

    /**
     * How many calls of the function the runtime has answered, from /metrics; -1 when it cannot be
     * read.
     */
    long answeredCalls(String function) {
        String metrics = metrics();
        if (metrics == null) {
            return -1;
        }
        String tag = "function=\"" + function + "\"";
        try {
            return Math.round(series(metrics, "fn4j_invocation_duration_seconds_count", tag)
                    .orElse(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A timer's {sum ns, count} from /metrics over the series whose line contains {@code tag}. */
    private long[] timing(String metric, String tag) {
        String metrics = metrics();
        if (metrics == null) {
            return null;
        }
        try {
            OptionalDouble sum = series(metrics, metric + "_sum", tag);
            if (sum.isEmpty()) {
                return null;
            }
            double count = series(metrics, metric + "_count", tag).orElse(0);
            return new long[] {Math.round(sum.getAsDouble() * 1e9), Math.round(count)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The Prometheus text, from the control port when there is one (so that reading it waits
     * behind no call); null when it cannot be read.
     */
    private String metrics() {
        URI metrics = controlUri("/metrics").orElse(uri("/metrics"));
        try {
            HttpResponse<String> reply = http.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() == 200 ? reply.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The sum of the {@code name} series whose line contains {@code tag}; empty when there is none. */
    private static OptionalDouble series(String metrics, String name, String tag) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(tag)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM and a wait (the runtime drains and removes its containers), SIGKILL if it hangs,
     * then removes by label whatever it may have left.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    System.err.println("[bench] the runtime did not stop within 60s; killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (!runtimeId.isEmpty()) {
            int left = Docker.removeContainers(Labels.RUNTIME + "=" + runtimeId);
            if (left > 0) {
                System.err.println("[bench] removed " + left + " container(s) the runtime left behind");
            }
        }
    }

    Path workDir() {
        return workDir;
    }
}
