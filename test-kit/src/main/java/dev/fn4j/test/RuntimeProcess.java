package dev.fn4j.test;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fn4j runtime's jar run as a child process on a loopback port, with its data in a directory
 * of its own, exactly as operators run it: its engine, container lockdown, timeouts and error
 * mapping are the platform's own. Stopping it (SIGTERM) makes it remove every container it started.
 */
final class RuntimeProcess implements AutoCloseable {

    /** How long the runtime may take to answer /healthz after start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long a stopping runtime may drain and remove its containers before it is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;
    private final Path log;
    private final String adminKey;

    private RuntimeProcess(Process process, URI uri, Path log, String adminKey) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.adminKey = adminKey;
    }

    /**
     * Starts the jar and waits until it is healthy.
     *
     * @param extraArgs options after the port and data directory, such as {@code --container-label}
     * @throws IllegalStateException with the runtime's output when it exits or does not get healthy
     */
    static RuntimeProcess start(Path jar, Path dataDir, List<String> extraArgs)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("runtime.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                // A sandbox runs one function, whose first start is the only one it waits for: a
                // stem would be one more idle JVM on the developer's machine that no start takes.
                "--stems",
                "0"));
        command.addAll(extraArgs);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The runtime writes its first admin key to <data-dir>/admin-key when none is given.
        builder.environment().remove("FN4J_ADMIN_KEY");
        Process process = builder.start();
        URI uri = URI.create("http://127.0.0.1:" + port);
        try {
            awaitHealthy(process, uri, log);
            String key = Files.readString(dataDir.resolve("admin-key"), StandardCharsets.UTF_8)
                    .strip();
            return new RuntimeProcess(process, uri, log, key);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    private static void awaitHealthy(Process process, URI uri, Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the fn4j runtime exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> reply = http.send(
                        HttpRequest.newBuilder(uri.resolve("/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "the fn4j runtime was not healthy after " + START_TIMEOUT.toSeconds() + "s:\n" + Files.readString(log));
    }

    URI uri() {
        return uri;
    }

    String adminKey() {
        return adminKey;
    }

    /** What the runtime printed so far, for a failure message. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the runtime with SIGTERM, so that it removes its containers; kills it if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the fn4j runtime did not stop within " + STOP_TIMEOUT.toSeconds()
                    + "s and was killed; the next sandbox started on the same work directory removes its containers");
        }
    }
}
