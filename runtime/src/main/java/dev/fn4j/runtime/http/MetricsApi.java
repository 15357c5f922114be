package dev.fn4j.runtime.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text exposition, read from memory; it runs on the control
 * plane's threads, since rendering every meter takes milliseconds of CPU until the JIT compiles it.
 */
final class MetricsApi {

    private final Supplier<String> exposition;

    MetricsApi(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    void scrape(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseSender().send(exposition.get());
    }
}
