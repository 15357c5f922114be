package dev.fn4j.it;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime jar run as users run it, {@code java -jar fn4j-runtime.jar}, on a free loopback
 * port with its own data directory and a fresh admin key ({@code FN4J_ADMIN_KEY}), its containers
 * labelled as the tests', and stopped with SIGTERM.
 */
final class RuntimeProcess {

    private static final Path JAR =
            Path.of(System.getProperty("fn4j.it.runtimeJar", "target/it-runtime/fn4j-runtime.jar"));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Marks the containers as the tests' own: scripts/test.sh counts these as left behind. */
    static final String TEST_LABEL = "dev.fn4j.test=true";

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final String adminKey;

    private RuntimeProcess(Process process, int port, Path dataDir, Path log, String adminKey) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.adminKey = adminKey;
    }

    /**
     * Starts the runtime and waits until {@code GET /healthz} answers 200. The data directory
     * is a short one under /tmp: instance sockets live in it, and socket paths are limited to
     * 107 bytes.
     */
    static RuntimeProcess start(Path log) throws Exception {
        int port = freePort();
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-e2e-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String adminKey = newKey();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        JAR.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        dataDir.toString(),
                        "--shutdown-grace-seconds",
                        "10",
                        "--container-label",
                        TEST_LABEL))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FN4J_ADMIN_KEY", adminKey);
        RuntimeProcess runtime = new RuntimeProcess(builder.start(), port, dataDir, log, adminKey);
        runtime.awaitHealthy(Duration.ofSeconds(60));
        return runtime;
    }

    /** The runtime's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The admin key the runtime was started with; never to be printed. */
    String adminKey() {
        return adminKey;
    }

    /** The runtime's id, which labels its containers {@code dev.fn4j.runtime=<id>}. */
    String runtimeId() throws IOException {
        return Files.readString(dataDir.resolve("runtime-id"), StandardCharsets.UTF_8)
                .strip();
    }

    /** Sends SIGTERM and waits for the runtime to end; returns its exit code. */
    int stop(Duration wait) throws Exception {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The runtime did not stop within " + wait + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** Kills the runtime if it still runs, and deletes its data directory. */
    void cleanUp() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        Projects.deleteTree(dataDir);
    }

    private void awaitHealthy(Duration wait) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/healthz"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The runtime exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Try again.
            }
            Thread.sleep(200);
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError("The runtime was not healthy within " + wait + ":\n" + Files.readString(log));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
