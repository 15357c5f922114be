package dev.fn4j.runtime.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Runs an endpoint on a worker thread, never on an IO thread, with blocking streams, and answers
 * any failure in the API's error shape. Every endpoint that touches Docker, a socket or disk is
 * wrapped in one.
 */
public final class Blocking implements HttpHandler {

    /** An endpoint's work; may block; throws to answer with an error. */
    @FunctionalInterface
    public interface Endpoint {
        void handle(HttpServerExchange exchange) throws Exception;
    }

    private final Endpoint endpoint;
    /** Whether errors carry their details (a function's stack trace); false on public routes. */
    private final boolean detailedErrors;

    private Blocking(Endpoint endpoint, boolean detailedErrors) {
        this.endpoint = endpoint;
        this.detailedErrors = detailedErrors;
    }

    /** An endpoint for API callers: errors carry every detail. */
    public static Blocking api(Endpoint endpoint) {
        return new Blocking(endpoint, true);
    }

    /** An endpoint for anyone on the network: no stack traces in errors. */
    public static Blocking open(Endpoint endpoint) {
        return new Blocking(endpoint, false);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            endpoint.handle(exchange);
        } catch (Throwable failure) {
            ErrorResponses.send(exchange, failure, detailedErrors);
        }
    }
}
