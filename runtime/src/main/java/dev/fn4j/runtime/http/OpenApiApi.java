package dev.fn4j.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fn4j.runtime.openapi.Endpoint;
import dev.fn4j.runtime.openapi.OpenApiDocument;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /v1/openapi.json}: the OpenAPI document of the routes this server serves, built once
 * from them on the first request and then answered from memory, with an {@code ETag} (its SHA-256)
 * so that clients revalidate instead of downloading it again.
 */
final class OpenApiApi {

    /** The document and its ETag; a route table does not change while the server runs. */
    private record Document(byte[] json, String etag) {}

    /** The routes the server serves, read on the first request, once they are all known. */
    private final Supplier<List<Route>> routes;

    private volatile Document document;

    OpenApiApi(Supplier<List<Route>> routes) {
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    void serve(HttpServerExchange exchange) {
        Document current = document();
        exchange.getResponseHeaders().put(Headers.ETAG, current.etag());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(current.etag())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(current.json()));
    }

    /** The routes as the document describes them. */
    static List<Endpoint> endpoints(List<Route> routes) {
        return routes.stream()
                .map(route -> new Endpoint(
                        route.method(),
                        route.template(),
                        Endpoint.Guard.valueOf(route.access().name()),
                        route.summary()))
                .toList();
    }

    private Document document() {
        Document built = document;
        if (built == null) {
            // Two first requests may both build it; they build the same bytes.
            built = build(routes.get());
            document = built;
        }
        return built;
    }

    private static Document build(List<Route> routes) {
        String version =
                Objects.requireNonNullElse(OpenApiApi.class.getPackage().getImplementationVersion(), "dev");
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(OpenApiDocument.build(endpoints(routes), version));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return new Document(json, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }
}
