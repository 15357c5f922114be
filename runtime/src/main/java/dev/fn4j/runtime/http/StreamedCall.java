package dev.fn4j.runtime.http;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.invocation.InvocationEvents;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A synchronous call answered as Server-Sent Events, for a caller that sent
 * {@code Accept: text/event-stream}: the lines the call writes as {@code log} events while it
 * runs, then one {@code result} event with the status, headers and body the plain answer would
 * have had, and the end of the stream. The call runs on a worker thread, never an IO thread.
 */
final class StreamedCall {

    static final String RESULT = "result";

    /** What a finished call answers. */
    record Answer(int status, List<Frame.Header> headers, byte[] body, Boolean coldStart) {}

    /** Runs the call; may throw, which becomes the error's answer. */
    @FunctionalInterface
    interface Call {
        Answer run() throws Exception;
    }

    private StreamedCall() {}

    /** Whether the caller asked for an event stream. */
    static boolean wanted(HttpServerExchange exchange) {
        for (String accept : exchange.getRequestHeaders().get(Headers.ACCEPT) == null
                ? List.<String>of()
                : exchange.getRequestHeaders().get(Headers.ACCEPT)) {
            if (accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens the event stream and runs the call on a worker of the exchange's, streaming its lines.
     *
     * @param detailed whether an error's answer carries its details, as the route's plain errors do
     */
    static void start(
            HttpServerExchange exchange, InvocationEvents events, String requestId, boolean detailed, Call call)
            throws Exception {
        Executor workers = exchange.getConnection().getWorker();
        new ServerSentEventHandler((connection, lastEventId) ->
                        workers.execute(() -> run(connection, events, requestId, detailed, call)))
                .handleRequest(exchange);
    }

    private static void run(
            ServerSentEventConnection connection,
            InvocationEvents events,
            String requestId,
            boolean detailed,
            Call call) {
        EventSender sender = new EventSender(connection);
        InvocationEvents.Subscription subscription = events.subscribe(requestId, new InvocationEvents.Listener() {
            @Override
            public void update(InvocationEvents.Update update) {
                // A synchronous call publishes no state changes; its end is the result event.
            }

            @Override
            public void log(InvocationEvents.LogLine line) {
                sender.log(line);
            }

            @Override
            public void ended() {
                connection.shutdown();
            }
        });
        subscription.goLive(0);
        Map<String, Object> result;
        try {
            result = view(requestId, call.run());
        } catch (Throwable failure) {
            result = view(requestId, error(ErrorResponses.toApi(failure), detailed));
        } finally {
            subscription.cancel();
        }
        sender.send(EventSender.json(result), RESULT, null);
        connection.shutdown();
    }

    private static Answer error(ApiException error, boolean detailed) {
        List<Frame.Header> headers = new ArrayList<>();
        headers.add(new Frame.Header("content-type", "application/json"));
        if (error.retryAfter() != null) {
            headers.add(new Frame.Header("retry-after", ErrorResponses.retryAfterSeconds(error)));
        }
        byte[] body = EventSender.json(ErrorResponses.body(error, detailed)).getBytes(StandardCharsets.UTF_8);
        return new Answer(error.code().status(), headers, body, null);
    }

    /** The result event's data: status, headers (name to values), body as text or base64. */
    private static Map<String, Object> view(String requestId, Answer answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Frame.Header header : answer.headers()) {
            headers.computeIfAbsent(header.name(), n -> new ArrayList<>()).add(header.value());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requestId", requestId);
        view.put("status", answer.status());
        view.put("headers", headers);
        String text = InvocationView.utf8(answer.body());
        if (text != null) {
            view.put("body", text);
        } else {
            view.put("bodyBase64", Base64.getEncoder().encodeToString(answer.body()));
        }
        if (answer.coldStart() != null) {
            view.put("coldStart", answer.coldStart());
        }
        return view;
    }
}
