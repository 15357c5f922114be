package dev.fn4j.runtime.http;

import dev.fn4j.runtime.invocation.CallIds;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;

/**
 * Gives every request an id ({@link CallIds}), answered in {@code Fn-Request-Id} and handed to the
 * function.
 */
final class RequestIds implements HttpHandler {

    static final HttpString HEADER = HttpString.tryFromString("Fn-Request-Id");
    private static final AttachmentKey<String> KEY = AttachmentKey.create(String.class);

    private final HttpHandler next;

    RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String id = CallIds.newId();
        exchange.putAttachment(KEY, id);
        exchange.getResponseHeaders().put(HEADER, id);
        next.handleRequest(exchange);
    }

    /** The id of the request being handled. */
    static String of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }
}
