package dev.fn4j.client;

/**
 * The runtime's {@code 202 Accepted} answer to an asynchronous invocation
 * ({@code Prefer: respond-async}).
 *
 * @param id the invocation's id, for {@link RuntimeClient#getInvocation} and
 *     {@link RuntimeClient#streamEvents}
 * @param status its status when accepted, normally {@code queued}
 * @param location the {@code Location} the runtime gave, for example
 *     {@code /v1/invocations/<id>}
 * @param requestId the {@code Fn-Request-Id} response header, or null when absent
 */
public record AcceptedInvocation(String id, String status, String location, String requestId) {}
