package dev.fn4j.runtime.invocation;

import java.util.Objects;

/**
 * A stored state change: the invocation right after it, and the event that records it.
 *
 * @param invocation the invocation as stored after the change
 * @param event the change
 */
public record Transition(Invocation invocation, InvocationEvent event) {
    public Transition {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(event, "event");
    }

    /** The invocation as the event's subscribers see it. */
    public Invocation snapshot() {
        return invocation.asOf(event);
    }
}
