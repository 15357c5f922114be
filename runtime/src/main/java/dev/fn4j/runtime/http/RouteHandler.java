package dev.fn4j.runtime.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Runs the matched route's handler, a blocking route's on a worker thread (where the
 * {@link Gate} has already moved it) with blocking streams, and answers any failure in the API's
 * error shape.
 */
final class RouteHandler implements HttpHandler {

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Route route = Route.of(exchange);
        if (route.blocking()) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
        }
        try {
            route.handler().handleRequest(exchange);
        } catch (Throwable failure) {
            ErrorResponses.send(exchange, failure, route.access().detailedErrors());
        }
    }
}
