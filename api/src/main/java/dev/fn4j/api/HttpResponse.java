package dev.fn4j.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The response an {@link HttpHandler} returns.
 *
 * @param status the HTTP status code, 100 to 599
 * @param headers the response headers, each with its values in order
 * @param body the response body; empty for none
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Checks the components and copies the header map so that the response is immutable. */
    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599: " + status);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body");
    }

    /** A response with the given status, no headers and the text as a UTF-8 body. */
    public static HttpResponse of(int status, String text) {
        return new HttpResponse(status, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of this response with one more header value. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.merge(name, List.of(value), (a, b) -> {
            List<String> merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        });
        return new HttpResponse(status, copy, body);
    }
}
