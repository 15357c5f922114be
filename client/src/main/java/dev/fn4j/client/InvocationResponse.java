package dev.fn4j.client;

import java.nio.charset.StandardCharsets;

/**
 * A function's answer to a synchronous invocation.
 *
 * @param status the HTTP status, 2xx
 * @param body the function's output, as the host encoded it
 * @param contentType the answer's {@code Content-Type}, or null when it had none
 * @param requestId the invocation's id ({@code Fn-Request-Id}), or null when absent
 * @param coldStart whether the call had to start a container ({@code Fn-Cold-Start})
 */
public record InvocationResponse(int status, byte[] body, String contentType, String requestId, boolean coldStart) {

    /** The body decoded as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
