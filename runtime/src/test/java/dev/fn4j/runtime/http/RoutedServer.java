package dev.fn4j.runtime.http;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;

/** An Undertow server on a free loopback port, routing the real route table's requests to {@code next}. */
final class RoutedServer implements AutoCloseable {

    private final Undertow server;
    private final int port;

    private RoutedServer(Undertow server) {
        this.server = server;
        this.port = ControlPort.boundPort(server);
    }

    static RoutedServer start(HttpHandler next) {
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new Router(RouteTableTest.routes(), next))
                .build();
        server.start();
        return new RoutedServer(server);
    }

    /** The server's address with {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        server.stop();
    }
}
