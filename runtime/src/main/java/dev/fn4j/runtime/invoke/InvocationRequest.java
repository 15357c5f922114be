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
 */
public record InvocationRequest(String requestId, List<Frame.Header> headers, byte[] body) {
    public InvocationRequest {
        Objects.requireNonNull(requestId, "requestId");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
