package dev.fn4j.runtime.invoke;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A call the function answered.
 *
 * @param coldStart whether the call waited for its instance to start
 * @param instanceId the instance that served it
 * @param headers the host's result headers ({@code content-type}, {@code :status}, …)
 * @param body the function's output
 * @param duration from admission to answer
 * @param logs what the call wrote to stdout, stderr and its logger, in write order, cut at the
 *     instance's log limit with a marker line; empty when it wrote nothing
 */
public record InvocationResult(
        boolean coldStart, String instanceId, List<Frame.Header> headers, byte[] body, Duration duration, String logs) {

    public InvocationResult {
        Objects.requireNonNull(logs, "logs");
    }

    /** A result without logs. */
    public InvocationResult(
            boolean coldStart, String instanceId, List<Frame.Header> headers, byte[] body, Duration duration) {
        this(coldStart, instanceId, headers, body, duration, "");
    }

    /**
     * The HTTP status the function answered: its {@code :status}, or 200 when it named none; the
     * {@link Invoker} makes only results with a status {@link AnswerStatus} admits.
     */
    public int status() {
        String value = header(Protocol.STATUS);
        int status = AnswerStatus.parse(value);
        if (status < 0) {
            throw new IllegalStateException("not a final HTTP status: " + value);
        }
        return status;
    }

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
