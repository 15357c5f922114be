package dev.fn4j.runtime.invocation;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.Locale;

/**
 * Where an invocation is: {@code queued → running → succeeded | failed | timed_out}; an
 * asynchronous call whose retries ran out ends {@code dead_lettered} instead, and a failed
 * attempt with retries left goes back to {@code queued}.
 */
public enum InvocationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    DEAD_LETTERED;

    /** As stored and sent: {@code queued}, {@code timed_out}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing follows this state. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == DEAD_LETTERED;
    }

    public static InvocationStatus parse(String wire) {
        for (InvocationStatus status : values()) {
            if (status.wire().equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown invocation status: " + wire);
    }

    /** The end state of a call that failed with {@code error}: a timeout or any other failure. */
    public static InvocationStatus of(ApiException error) {
        return error.code() == ErrorCode.FUNCTION_TIMEOUT ? TIMED_OUT : FAILED;
    }
}
