package dev.fn4j.runtime.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Gives every request an id, answered in {@code Fn-Request-Id} and handed to the function. */
final class RequestIds implements HttpHandler {

    static final HttpString HEADER = HttpString.tryFromString("Fn-Request-Id");
    private static final AttachmentKey<String> KEY = AttachmentKey.create(String.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpHandler next;

    RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String id = newId();
        exchange.putAttachment(KEY, id);
        exchange.getResponseHeaders().put(HEADER, id);
        next.handleRequest(exchange);
    }

    /**
     * 32 hex digits: the time in milliseconds (12 digits), then 20 random ones. The random part
     * keeps an id unguessable, since a request's id reads its invocation; the time in front keeps
     * new ids in ascending order, so the store's index on ids grows at its end instead of
     * rewriting a random page for every recorded call (a third of the cost of recording a call
     * on the embedded database, docs/benchmarks.md).
     */
    static String newId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(System.currentTimeMillis()).substring(4) + hex.formatHex(random);
    }

    /** The id of the request being handled. */
    static String of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }
}
