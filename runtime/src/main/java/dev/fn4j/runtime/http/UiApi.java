package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;

/**
 * {@code /ui} and below: the dashboard's files from memory, on the IO thread. Every answer, errors
 * included, carries the dashboard's security headers (a Content-Security-Policy that lets the
 * pages load and call nothing but this runtime, no framing, no MIME sniffing, no referrer);
 * versioned library files are cached for good, the pages revalidate by ETag.
 */
final class UiApi {

    /** What the pages may load and where they may connect: this runtime only, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
    private static final HttpString CONTENT_TYPE_OPTIONS = HttpString.tryFromString("X-Content-Type-Options");
    private static final HttpString FRAME_OPTIONS = HttpString.tryFromString("X-Frame-Options");
    private static final HttpString REFERRER_POLICY = HttpString.tryFromString("Referrer-Policy");
    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final UiAssets assets;

    UiApi(UiAssets assets) {
        this.assets = assets;
    }

    /** Serves the file the path below {@code /ui} names; {@code /ui} itself redirects to {@code /ui/}. */
    void serve(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(CSP, CONTENT_SECURITY_POLICY);
        headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(REFERRER_POLICY, "no-referrer");
        boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
        if (!head && !exchange.getRequestMethod().equals(Methods.GET)) {
            headers.put(Headers.ALLOW, "GET, HEAD");
            throw new ApiException(
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "method " + exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath()
                            + "; use GET, HEAD");
        }
        String relative = exchange.getRelativePath();
        if (relative.isEmpty()) {
            // The pages name their files relative to /ui/.
            exchange.setStatusCode(308);
            headers.put(Headers.LOCATION, "/ui/");
            exchange.endExchange();
            return;
        }
        String path = relative.equals("/") ? "index.html" : relative.substring(1);
        UiAssets.Asset asset = assets.get(path)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "no dashboard file " + exchange.getRequestPath() + "; open /ui/ for the dashboard"));
        send(exchange, asset, head);
    }

    private static void send(HttpServerExchange exchange, UiAssets.Asset asset, boolean head) {
        HeaderMap headers = exchange.getResponseHeaders();
        boolean gzip = asset.gzip() != null && acceptsGzip(exchange);
        String etag = gzip ? asset.etag().replaceFirst("\"$", "-gzip\"") : asset.etag();
        headers.put(Headers.CONTENT_TYPE, asset.contentType());
        headers.put(Headers.CACHE_CONTROL, asset.versioned() ? FOREVER : REVALIDATE);
        headers.put(Headers.ETAG, etag);
        headers.put(Headers.VARY, "Accept-Encoding");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        byte[] body = gzip ? asset.gzip() : asset.body();
        if (gzip) {
            headers.put(Headers.CONTENT_ENCODING, "gzip");
        }
        headers.put(Headers.CONTENT_LENGTH, body.length);
        if (head) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static boolean acceptsGzip(HttpServerExchange exchange) {
        io.undertow.util.HeaderValues values = exchange.getRequestHeaders().get(Headers.ACCEPT_ENCODING);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                return true;
            }
        }
        return false;
    }
}
