/**
 * A Maven-free client of the fn4j runtime's REST API, as docs/api.md describes it.
 *
 * <p>{@link dev.fn4j.client.RuntimeClient} is the entry point. Every call either returns the
 * runtime's answer or throws a {@link dev.fn4j.client.RuntimeClientException}: a
 * {@link dev.fn4j.client.RuntimeApiException} when the runtime answered with an error, a
 * {@link dev.fn4j.client.RuntimeUnreachableException} when it could not be reached at all.
 *
 * <p>Asynchronous invocations: {@link dev.fn4j.client.RuntimeClient#submitAsync} queues a call
 * and returns its id; {@link dev.fn4j.client.RuntimeClient#streamEvents} follows its state
 * changes (Server-Sent Events) and {@link dev.fn4j.client.RuntimeClient#getInvocation} asks for
 * its state; {@link dev.fn4j.client.RuntimeClient#listInvocations} reads a function's history.
 *
 * <p>A {@link dev.fn4j.client.FunctionSpec} holds the settings of fn4j-spec ({@code dev.fn4j.spec}),
 * which checks them the same way the runtime does, so tools can reject bad settings before
 * they build or upload anything; {@link dev.fn4j.client.ApiKeyFormat} does the same for the API
 * keys that {@link dev.fn4j.client.RuntimeClient#createKey} makes and
 * {@link dev.fn4j.client.RuntimeClient#deleteKey} revokes.
 */
package dev.fn4j.client;
