package dev.fn4j.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;

/**
 * The floor for any control plane on this machine: a bare Undertow server in the bench's JVM with
 * one IO thread of its own that answers {@code ok} on that thread, sharing nothing with the runtime
 * but the cores. Whatever latency the probe sees from it under load is the machine's and the
 * probe's, not the runtime's.
 */
final class FloorServer implements AutoCloseable {

    private final Undertow server;

    FloorServer() {
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(1)
                .setHandler(FloorServer::answer)
                .build();
        server.start();
    }

    private static void answer(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        exchange.getResponseSender().send("ok");
    }

    URI uri() {
        int port = Listeners.port(server);
        return URI.create("http://127.0.0.1:" + port + "/healthz");
    }

    @Override
    public void close() {
        server.stop();
    }
}
