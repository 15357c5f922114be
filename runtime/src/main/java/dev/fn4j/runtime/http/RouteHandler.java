package dev.fn4j.runtime.http;

import dev.fn4j.runtime.log.LogSetup;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.MDC;

/**
 * Runs the matched route's handler, a blocking route's on a worker thread (where the
 * {@link Gate} has already moved it) with blocking streams, and answers any failure in the API's
 * error shape. While the handler runs, the log lines of its thread carry the request id.
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
        // Per thread: a handler that hands work on to another thread logs there without it.
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            MDC.put(LogSetup.REQUEST_ID, requestId);
        }
        try {
            route.handler().handleRequest(exchange);
        } catch (Throwable failure) {
            ErrorResponses.send(exchange, failure, route.access().detailedErrors());
        } finally {
            MDC.remove(LogSetup.REQUEST_ID);
        }
    }
}
