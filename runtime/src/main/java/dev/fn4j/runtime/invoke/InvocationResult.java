package dev.fn4j.runtime.invoke;

import dev.fn4j.protocol.Frame;
import java.time.Duration;
import java.util.List;

/**
 * A call the function answered.
 *
 * @param coldStart whether the call waited for its instance to start
 * @param instanceId the instance that served it
 * @param headers the host's result headers ({@code content-type}, {@code :status}, …)
 * @param body the function's output
 * @param duration from admission to answer
 */
public record InvocationResult(boolean coldStart, String instanceId, List<Frame.Header> headers,
        byte[] body, Duration duration) {

    /** The first value of a result header, or null. */
    public String header(String name) {
        for (Frame.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
