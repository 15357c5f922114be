package dev.fn4j.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The naive design fn4j exists to beat: an HTTP server that answers each request with a
 * {@code docker run --rm} of the base image running {@link NaiveEcho} (a fresh container and JVM
 * per call, body on stdin, answer on stdout). At most {@code parallel} containers run at once
 * (its worker threads), so a 64-connection run queues instead of starting 64 JVMs on a shared
 * machine; that bound only flatters it.
 */
final class NaiveDockerServer implements AutoCloseable {

    private final Undertow server;
    private final List<String> command;

    NaiveDockerServer(String baseImage, Path workDir, String runLabel, int parallel) throws IOException {
        Path classes = ClassDir.of(workDir.resolve("naive-classes"), NaiveEcho.class.getName());
        this.command = List.of(
                "docker",
                "run",
                "--rm",
                "-i",
                "--network",
                "none",
                "--memory",
                "256m",
                "--label",
                runLabel,
                "-v",
                classes + ":/naive:ro",
                baseImage,
                "java",
                "-cp",
                "/naive",
                NaiveEcho.class.getName());
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setWorkerThreads(parallel)
                .setHandler(this::handle)
                .build();
        server.start();
    }

    URI uri() {
        int port = Listeners.port(server);
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::handle);
            return;
        }
        exchange.startBlocking();
        byte[] body = exchange.getInputStream().readAllBytes();
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(body);
        }
        byte[] output = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended || process.exitValue() != 0) {
            process.destroyForcibly();
            exchange.setStatusCode(502);
            exchange.getResponseSender().send("docker run failed");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(output));
    }

    @Override
    public void close() {
        server.stop();
    }
}
