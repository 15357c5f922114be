package dev.fn4j.client;

/**
 * One Server-Sent Event of {@code GET /v1/invocations/{id}/events}: a state change.
 *
 * @param name the event's name, the state entered: {@code queued}, {@code running},
 *     {@code succeeded}, {@code failed} or {@code timed_out}
 * @param eventId the event's {@code id:} field, or null when it had none
 * @param invocation the invocation as it was at that point
 */
public record InvocationEvent(String name, String eventId, Invocation invocation) {}
