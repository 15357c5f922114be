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

    /** 20 random hex digits: unguessable, since a request's id reads its invocation. */
    static String newId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The id of the request being handled. */
    static String of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }
}
