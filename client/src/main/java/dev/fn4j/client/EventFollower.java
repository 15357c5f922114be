package dev.fn4j.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Follows one invocation's Server-Sent Events stream: the HTTP client's thread parses lines into
 * events and queues them; the caller's thread reads them, state changes as invocations until the
 * final one and {@code log} events as lines.
 */
final class EventFollower {

    private final HttpClient http;
    private final ResponseReader reader;
    /** The runtime's address as messages show it. */
    private final URI displayUri;

    private final Duration requestTimeout;

    EventFollower(HttpClient http, ResponseReader reader, URI displayUri, Duration requestTimeout) {
        this.http = http;
        this.reader = reader;
        this.displayUri = displayUri;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends {@code request} and hands each event of its stream to {@code listener} on the calling
     * thread until the invocation's final state, the end of the stream, or {@code maxWait}.
     *
     * @return the invocation as the last event showed it, or null when no event came
     */
    Invocation follow(
            HttpRequest request, Duration maxWait, Consumer<InvocationEvent> listener, Consumer<LogLine> lines)
            throws RuntimeClientException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        EventLines parsed = new EventLines(items);
        BodyHandler<byte[]> handler = info -> info.statusCode() >= 200 && info.statusCode() < 300
                ? BodySubscribers.fromLineSubscriber(parsed, l -> new byte[0], StandardCharsets.UTF_8, null)
                : BodySubscribers.ofByteArray();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, handler);
        future.whenComplete((response, failure) -> items.add(new StreamEnd(response, failure)));
        Invocation last = null;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object item = left <= 0 ? null : items.poll(left, TimeUnit.NANOSECONDS);
                if (item == null) {
                    return last;
                }
                if (item instanceof StreamEnd end) {
                    if (end.failure() != null) {
                        throw streamFailure(request, end.failure());
                    }
                    reader.ok(end.response());
                    return last;
                }
                RawEvent event = (RawEvent) item;
                LogLine line = logLine(event);
                if (line != null) {
                    lines.accept(line);
                    continue;
                }
                try {
                    last = reader.invocation(event.data().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new RuntimeClientException(
                            "Cannot read the event '" + event.name() + "' of " + request.uri() + ": " + e.getMessage(),
                            e);
                }
                listener.accept(new InvocationEvent(event.name(), event.id(), last));
                if (last.isFinal()) {
                    return last;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeClientException("Interrupted while following " + request.uri(), e);
        } finally {
            parsed.cancel();
            future.cancel(true);
        }
    }

    /** The line a {@code log}, {@code log-truncated} or {@code log-dropped} event carries, else null. */
    private LogLine logLine(RawEvent event) throws RuntimeClientException {
        if (!event.name().startsWith("log")) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode data =
                    reader.json(event.data().getBytes(StandardCharsets.UTF_8));
            return switch (event.name()) {
                case "log" -> new LogLine(data.path("line").asText(), false);
                case "log-truncated" -> new LogLine(data.path("line").asText(), true);
                case "log-dropped" ->
                    new LogLine(
                            "… [fn4j: " + data.path("dropped").asLong()
                                    + " lines not shown: this client read too slowly]",
                            true);
                default -> null;
            };
        } catch (IOException e) {
            throw new RuntimeClientException("Cannot read the event '" + event.name() + "': " + e.getMessage(), e);
        }
    }

    private RuntimeClientException streamFailure(HttpRequest request, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IOException io) {
            return Failures.translate(displayUri, io, requestTimeout);
        }
        return new RuntimeClientException("The event stream " + request.uri() + " failed: " + cause, cause);
    }

    /** One event as it came off the stream. */
    private record RawEvent(String name, String id, String data) {}

    /** The stream is over: the response (an error's body, or an empty one) or why it failed. */
    private record StreamEnd(HttpResponse<byte[]> response, Throwable failure) {}

    /** Parses the stream's lines into events and queues them for the following thread. */
    private static final class EventLines implements Flow.Subscriber<String> {
        private final BlockingQueue<Object> items;
        private final ServerSentEvents parser;
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private volatile boolean cancelled;

        EventLines(BlockingQueue<Object> items) {
            this.items = items;
            this.parser = new ServerSentEvents((name, id, data) -> items.add(new RawEvent(name, id, data)));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            parser.line(line);
        }

        @Override
        public void onError(Throwable failure) {
            // The response future fails too; the follower learns of it from there.
        }

        @Override
        public void onComplete() {
            parser.end();
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }
}
