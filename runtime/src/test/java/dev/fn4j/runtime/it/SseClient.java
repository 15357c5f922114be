package dev.fn4j.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.client.ServerSentEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events subscriber for tests: collects a stream's events until it ends. */
final class SseClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event: the last {@code id:} seen, its {@code event:} name and its {@code data:}. */
    record Event(String id, String event, String data) {
        JsonNode json() {
            try {
                return MAPPER.readTree(data);
            } catch (Exception e) {
                throw new AssertionError("event data is not JSON: " + data, e);
            }
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<Event>> ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.ended = CompletableFuture.supplyAsync(this::readAll);
    }

    /** Connects and waits for the response's head. */
    static SseClient open(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", TestKeys.bearer(TestKeys.ADMIN));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /** Posts {@code body} asking for an event stream and waits for the response's head. */
    static SseClient post(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", TestKeys.bearer(TestKeys.ADMIN))
                .header("Accept", "text/event-stream")
                .build();
        return new SseClient(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The events received so far. */
    List<Event> received() {
        return List.copyOf(received);
    }

    /** Waits for the server to end the stream; returns every event it sent. */
    List<Event> awaitEnd(Duration wait) throws Exception {
        return ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Follows the build at {@code location} (/v1/builds/{id}) to its end; every event it sent. */
    static List<Event> awaitBuild(RuntimeFixture runtime, String location) throws Exception {
        try (SseClient stream = open(runtime.uri(location + "/events"))) {
            return stream.awaitEnd(Duration.ofMinutes(3));
        }
    }

    /** A build's events as "step <name>" for each step and the end's name, without its output lines. */
    static List<String> buildProgress(List<Event> events) {
        return events.stream()
                .map(e -> e.event().equals("step")
                        ? "step " + e.json().get("step").asText()
                        : e.event())
                .filter(name -> !name.equals("output"))
                .toList();
    }

    private List<Event> readAll() {
        ServerSentEvents parser = new ServerSentEvents((name, id, data) -> received.add(new Event(id, name, data)));
        response.body().forEach(parser::line);
        parser.end();
        return List.copyOf(received);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
