package dev.fn4j.runtime.invocation;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * How an attempt of an invocation ended, synchronous or asynchronous alike.
 *
 * @param status succeeded, failed or timed_out
 * @param endedAt when
 * @param coldStart whether the attempt had to start its instance, or null when unknown
 * @param resultBody the output of a success, or null
 * @param resultType its content type, or null
 * @param errorCode the error of a failure, or null
 * @param errorMessage its message, or null
 * @param logs what the function logged, or null
 */
public record Outcome(
        InvocationStatus status,
        Instant endedAt,
        Boolean coldStart,
        byte[] resultBody,
        String resultType,
        String errorCode,
        String errorMessage,
        String logs) {

    public Outcome {
        if (!status.terminal()) {
            throw new IllegalArgumentException("an outcome is a terminal state: " + status);
        }
        Objects.requireNonNull(endedAt, "endedAt");
        errorMessage = Invocation.text(errorMessage);
        logs = Invocation.text(logs);
    }

    /** The function answered with {@code body} of {@code contentType}. */
    public static Outcome succeeded(Instant endedAt, boolean coldStart, byte[] body, String contentType, String logs) {
        return new Outcome(InvocationStatus.SUCCEEDED, endedAt, coldStart, body, contentType, null, null, logs);
    }

    /** The call failed with {@code error}: timed_out for a timeout, else failed. */
    public static Outcome failed(Instant endedAt, ApiException error, String logs) {
        return new Outcome(
                InvocationStatus.of(error),
                endedAt,
                null,
                null,
                null,
                error.code().code(),
                error.getMessage(),
                logs);
    }

    /** The call failed with {@code code} before it could run, for example deleted meanwhile. */
    public static Outcome failed(Instant endedAt, ErrorCode code, String message) {
        return new Outcome(InvocationStatus.FAILED, endedAt, null, null, null, code.code(), message, null);
    }
}
