package dev.fn4j.runtime.invocation;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an invocation.
 *
 * @param seq its position among the invocation's changes, from 1, without gaps
 * @param status the state entered
 * @param attempts how many times the invocation had started by then
 * @param at when, to the millisecond
 */
public record InvocationEvent(int seq, InvocationStatus status, int attempts, Instant at) {
    public InvocationEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1: " + seq);
        }
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        at = Invocation.millis(Objects.requireNonNull(at, "at"));
    }
}
