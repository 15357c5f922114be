package dev.fn4j.runtime.it;

import dev.fn4j.runtime.testing.TestContainers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runtime's jar run as its own process, as users run it, so tests can kill and signal it;
 * its containers are labelled as the tests' ({@link TestContainers}).
 */
final class RuntimeProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private RuntimeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RuntimeProcess start(Path dataDir) throws Exception {
        return start(dataDir, List.of());
    }

    /** Starts the jar with the test admin key; see {@link #start(Path, List, String)}. */
    static RuntimeProcess start(Path dataDir, List<String> extraArgs) throws Exception {
        return start(dataDir, extraArgs, TestKeys.ADMIN);
    }

    /**
     * Starts the jar on {@code dataDir} with {@code extraArgs} after the usual options and
     * {@code adminKey} as {@code FN4J_ADMIN_KEY}, or without it when null.
     */
    static RuntimeProcess start(Path dataDir, List<String> extraArgs, String adminKey) throws Exception {
        return start(List.of(), dataDir, extraArgs, adminKey);
    }

    /** Starts the jar as {@link #start(Path, List, String)} does, with {@code jvmArgs} before {@code -jar}. */
    static RuntimeProcess start(List<String> jvmArgs, Path dataDir, List<String> extraArgs, String adminKey)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("fn4j.test.runtimeJar", "target/fn4j-runtime.jar"));
        Path log = Files.createTempFile(Path.of("target"), "runtime-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                "--shutdown-grace-seconds",
                "20",
                // Stems off unless a test asks (as RuntimeFixture): these tests count containers.
                "--stems",
                "0"));
        command.addAll(TestContainers.RUNTIME_ARGS);
        command.addAll(extraArgs);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("FN4J_ADMIN_KEY");
        if (adminKey != null) {
            builder.environment().put("FN4J_ADMIN_KEY", adminKey);
        }
        Process process = builder.start();
        RuntimeProcess runtime = new RuntimeProcess(process, port, log);
        runtime.awaitHealthy();
        return runtime;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("runtime exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                var reply = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("runtime not healthy after 30s: " + Files.readString(log));
    }

    /** A request to {@code path} carrying the test admin key. */
    HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body)
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", TestKeys.bearer(TestKeys.ADMIN));
    }

    /** SIGKILL: the runtime gets no chance to clean up, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then waits for the process to end; returns its exit code. */
    int terminate(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("runtime did not stop within " + wait);
        }
        return process.exitValue();
    }

    /** The process id of the runtime's JVM. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
