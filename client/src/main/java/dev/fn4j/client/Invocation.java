package dev.fn4j.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * One invocation as {@code GET /v1/invocations/{id}}, its events and a function's invocation
 * history describe it. Times are ISO-8601 strings as the runtime wrote them; any field the runtime
 * did not send is null (or empty, for the logs).
 *
 * @param id the invocation's id
 * @param function the function's name
 * @param revision the function revision that ran it, or null before it started
 * @param status {@link #QUEUED}, {@link #RUNNING}, {@link #SUCCEEDED}, {@link #FAILED} or
 *     {@link #TIMED_OUT}
 * @param attempts how many times it was started
 * @param queuedAt when the runtime accepted it
 * @param startedAt when it started running, or null
 * @param endedAt when it ended, or null
 * @param durationMs how long it ran, in milliseconds, or null
 * @param coldStart whether it had to start a container, or null when not known yet
 * @param contentType the media type of the result, or null
 * @param result the function's output as the function returned it (JSON written compactly, text as
 *     UTF-8, binary decoded from base64), or null when there is none
 * @param error why it failed, or null
 * @param logs the lines the function logged while it ran, in order; empty when none
 * @param method the HTTP method of the request that made a synchronous call, or null
 * @param path that request's path, without its query, or null
 */
public record Invocation(
        String id,
        String function,
        Long revision,
        String status,
        int attempts,
        String queuedAt,
        String startedAt,
        String endedAt,
        Long durationMs,
        Boolean coldStart,
        String contentType,
        byte[] result,
        InvocationError error,
        List<String> logs,
        String method,
        String path) {

    /** Accepted, waiting for an instance. */
    public static final String QUEUED = "queued";
    /** Running on an instance. */
    public static final String RUNNING = "running";
    /** Ended with a result. */
    public static final String SUCCEEDED = "succeeded";
    /** Ended with an error. */
    public static final String FAILED = "failed";
    /** Outran its timeout. */
    public static final String TIMED_OUT = "timed_out";

    /** Failed every attempt its function's retries allow; it waits in the dead-letter queue. */
    public static final String DEAD_LETTERED = "dead_lettered";

    private static final Set<String> FINAL = Set.of(SUCCEEDED, FAILED, TIMED_OUT, DEAD_LETTERED);

    /** Replaces missing logs by none. */
    public Invocation {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** Whether the invocation is over: succeeded, failed, timed out or dead-lettered. */
    public boolean isFinal() {
        return FINAL.contains(status);
    }

    /** Whether the invocation ended with a result. */
    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** The result decoded as UTF-8 text, or null when there is none. */
    public String resultAsString() {
        return result == null ? null : new String(result, StandardCharsets.UTF_8);
    }

    /** Leaves the result's bytes out, which say nothing to a reader of logs. */
    @Override
    public String toString() {
        return "Invocation[id=" + id + ", function=" + function + ", status=" + status + ", attempts=" + attempts
                + ", error=" + error + "]";
    }
}
