package dev.fn4j.runtime.invoke;

import dev.fn4j.protocol.Frame;
import java.util.List;
import java.util.Objects;

/**
 * One call as the runtime received it.
 *
 * @param requestId the id answered in {@code Fn-Request-Id}
 * @param headers metadata for the host, including HTTP pseudo-headers for trigger calls
 * @param body the call body
 * @param method the HTTP method of the request that made the call, or null when no request did
 *     (an asynchronous call run from the store)
 * @param path the request's path as the client sent it, without its query, or null like {@code method}
 */
public record InvocationRequest(String requestId, List<Frame.Header> headers, byte[] body, String method, String path) {
    public InvocationRequest {
        Objects.requireNonNull(requestId, "requestId");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A call no HTTP request made directly. */
    public InvocationRequest(String requestId, List<Frame.Header> headers, byte[] body) {
        this(requestId, headers, body, null, null);
    }
}
