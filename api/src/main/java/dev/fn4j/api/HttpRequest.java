package dev.fn4j.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request handed to an {@link HttpHandler}.
 *
 * @param method the request method, upper case, for example {@code GET}
 * @param path the path below the function's trigger, starting with {@code /}; {@code /} for the
 *     trigger itself
 * @param query the raw query string without {@code ?}; empty when there is none
 * @param headers the request headers, names in lower case, each with its values in order
 * @param body the request body; empty when there is none
 */
public record HttpRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /** Checks the components and copies the header map so that the request is immutable. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body");
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body decoded as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
