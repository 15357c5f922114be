package dev.fn4j.runtime.http;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.invoke.InvocationResult;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What of a function's HTTP answer an HTTP trigger sends its caller, so that no answer can break
 * the exchange: the function's status (a final one, 200 to 599, which the invoker already
 * checked) and body, but no body with 204, 205 or 304; its headers, except those that belong to
 * the connection or to the platform, which the runtime sets itself, and those that are not valid
 * HTTP. The one place this rule lives, with the request headers a function gets
 * ({@link #passedToFunction}); docs/api.md ("HTTP triggers") shows it as a table.
 */
final class FunctionResponse {

    /**
     * Headers that describe one hop of HTTP, not the message (RFC 9110 7.6.1, and the old
     * {@code Keep-Alive} and {@code Proxy-Connection}); never passed on, in either direction.
     */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "proxy-authenticate",
            "proxy-authorization");

    /** Prefix of the platform's own headers ({@code Fn-Request-Id}, {@code Fn-Cold-Start}). */
    static final String PLATFORM_PREFIX = "fn-";

    private static final String CONTENT_LENGTH = "content-length";
    private static final String CONTENT_TYPE = "content-type";
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final int status;
    /** Headers to send, in the function's order; names lower case, each a valid field. */
    private final List<Frame.Header> headers;
    /** Empty when the status carries no body. */
    private final byte[] body;
    /** Names of the headers the function set that are not sent, in its order; never content-length equal to the body's. */
    private final List<String> dropped;

    private FunctionResponse(int status, List<Frame.Header> headers, byte[] body, List<String> dropped) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.dropped = List.copyOf(dropped);
    }

    /** The response to send for a function's answer. */
    static FunctionResponse of(InvocationResult result) {
        int status = result.status();
        byte[] body = bodyless(status) ? new byte[0] : result.body();
        Set<String> connectionOptions = connectionOptions(result.headers());
        List<Frame.Header> sent = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        boolean hasContentType = false;
        for (Frame.Header header : result.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(":")) {
                continue; // the protocol's pseudo-headers, such as :status
            }
            if (name.equals(CONTENT_LENGTH)) {
                // The runtime frames the body itself; a length that matches it is no news.
                if (!header.value().trim().equals(Integer.toString(body.length))) {
                    dropped.add(name);
                }
            } else if (name.equals(CONTENT_TYPE) && hasContentType) {
                dropped.add(name); // a message has one type; the first is the function's
            } else if (HOP_BY_HOP.contains(name)
                    || connectionOptions.contains(name)
                    || name.startsWith(PLATFORM_PREFIX)
                    || !isToken(name)
                    || !isFieldValue(header.value())) {
                dropped.add(name);
            } else {
                hasContentType |= name.equals(CONTENT_TYPE);
                sent.add(new Frame.Header(name, header.value()));
            }
        }
        return new FunctionResponse(status, sent, body, dropped);
    }

    /** Whether the runtime passes a request header (lower case) on to the function. */
    static boolean passedToFunction(String name) {
        return !HOP_BY_HOP.contains(name) && !name.equals(CONTENT_LENGTH) && !name.equals("host");
    }

    /** Sends it: status, headers (after any the runtime set), and the body, framed by Undertow. */
    void send(HttpServerExchange exchange) {
        exchange.setStatusCode(status);
        for (Frame.Header header : headers) {
            exchange.getResponseHeaders().add(HttpString.tryFromString(header.name()), header.value());
        }
        EndOnIoThread.send(exchange, ByteBuffer.wrap(body));
    }

    int status() {
        return status;
    }

    List<Frame.Header> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    List<String> dropped() {
        return dropped;
    }

    /** Statuses whose response never has content (RFC 9110 15.3.5, 15.3.6, 15.4.5). */
    private static boolean bodyless(int status) {
        return status == 204 || status == 205 || status == 304;
    }

    /** The header names a {@code Connection} header lists: they, too, are for this hop only. */
    private static Set<String> connectionOptions(List<Frame.Header> headers) {
        Set<String> options = new HashSet<>();
        for (Frame.Header header : headers) {
            if (header.name().equalsIgnoreCase("connection")) {
                for (String option : header.value().split(",")) {
                    options.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return options;
    }

    /** A field name: one or more token characters (RFC 9110 5.6.2). */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A field value (RFC 9110 5.5): tab, visible ASCII, space and obs-text bytes. No CR, LF or
     * other control character, which would end the header early and inject others, and nothing
     * past U+00FF, which is written as one byte and could turn into one of those.
     */
    static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
                return false;
            }
        }
        return true;
    }
}
