package dev.fn4j.bench;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.api.Logger;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The upper bound: the same handler behind the same HTTP shape as the runtime's invocation
 * endpoint (Undertow, dispatched to a worker thread, blocking body read, UTF-8 text in and out),
 * in this JVM, with no container and no socket hop.
 */
final class InProcessServer implements AutoCloseable {

    static final String PATH = "/v1/functions/echo/invocations";
    private static final HttpString REQUEST_ID = HttpString.tryFromString("Fn-Request-Id");
    private static final HttpString COLD_START = HttpString.tryFromString("Fn-Cold-Start");

    private final Undertow server;
    private final Handler<String, String> handler = new Echo();

    InProcessServer(int workerThreads) {
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setWorkerThreads(workerThreads)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setHandler(this::handle)
                .build();
        server.start();
    }

    URI uri() {
        int port = Listeners.port(server);
        return URI.create("http://127.0.0.1:" + port + PATH);
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::handle);
            return;
        }
        exchange.startBlocking();
        String requestId = UUID.randomUUID().toString();
        byte[] body = readAll(exchange.getInputStream());
        String output = handler.handle(new String(body, StandardCharsets.UTF_8), new SimpleContext(requestId));
        exchange.getResponseHeaders().put(REQUEST_ID, requestId);
        exchange.getResponseHeaders().put(COLD_START, "false");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(output.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop();
    }

    private record SimpleContext(String requestId) implements Context {
        private static final Logger LOGGER = new Logger() {
            @Override
            public void info(String message) {
                System.err.println(message);
            }

            @Override
            public void warn(String message) {
                System.err.println(message);
            }

            @Override
            public void error(String message, Throwable throwable) {
                System.err.println(message + (throwable == null ? "" : ": " + throwable));
            }
        };

        @Override
        public String functionName() {
            return "echo";
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(30);
        }

        @Override
        public Duration remainingTime() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Logger logger() {
            return LOGGER;
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }
    }
}
