package dev.fn4j.client;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A function's dead letters, the asynchronous calls whose retries ran out: list them, run them
 * again with their original input (redrive), or delete them (purge). Needs an admin key.
 */
public final class DeadLetterClient {

    /** The most dead letters one page holds. */
    public static final int MAX_PAGE = 100;

    private final RuntimeClient client;

    private DeadLetterClient(RuntimeClient client) {
        this.client = client;
    }

    /** The dead-letter calls of {@code client}'s runtime. */
    public static DeadLetterClient of(RuntimeClient client) {
        return new DeadLetterClient(client);
    }

    /**
     * {@code GET /v1/functions/{name}/dead-letters}: up to {@code limit} (1 to {@link #MAX_PAGE})
     * dead letters after the one with id {@code after}, or from the first when null.
     */
    public DeadLetterPage list(String name, String after, int limit) throws RuntimeClientException {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ": " + limit);
        }
        String path = PathSegment.functionPath(name) + "/dead-letters?limit=" + limit
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        var response = client.reader.ok(
                client.transport.send(client.transport.request(path).GET()));
        var next = client.reader.tree(response).path("next");
        return new DeadLetterPage(
                client.reader.invocations(response, "deadLetters"), next.isTextual() ? next.asText() : null);
    }

    /** {@code POST /v1/invocations/{id}/redrive}: queues one dead letter again; returns it queued. */
    public Invocation redrive(String id) throws RuntimeClientException {
        return client.reader.invocation(client.reader.ok(client.transport.send(client.transport
                .request(PathSegment.invocationPath(id) + "/redrive")
                .POST(HttpRequest.BodyPublishers.noBody()))));
    }

    /** {@code POST /v1/functions/{name}/dead-letters/redrive}: queues them all again; returns how many. */
    public int redriveAll(String name) throws RuntimeClientException {
        var response = client.reader.ok(client.transport.send(client.transport
                .request(PathSegment.functionPath(name) + "/dead-letters/redrive")
                .POST(HttpRequest.BodyPublishers.noBody())));
        return client.reader.tree(response).path("redriven").asInt();
    }

    /** {@code DELETE /v1/functions/{name}/dead-letters}: deletes them all; returns how many. */
    public int purge(String name) throws RuntimeClientException {
        var response = client.reader.ok(client.transport.send(client.transport
                .request(PathSegment.functionPath(name) + "/dead-letters")
                .DELETE()));
        return client.reader.tree(response).path("purged").asInt();
    }
}
