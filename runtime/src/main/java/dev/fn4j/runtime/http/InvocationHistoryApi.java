package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * {@code GET /v1/invocations/{id}}: an invocation's state, timing, result and logs;
 * {@code GET /v1/invocations/{id}/events}: its state changes as Server-Sent Events, the past ones
 * replayed from the store in order, then the live ones, ending after the final state; and
 * {@code GET /v1/functions/{name}/invocations}: a function's newest invocations. Store reads run
 * on worker or stream threads; the stream itself is Undertow's non-blocking SSE.
 */
final class InvocationHistoryApi {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationHistoryApi.class);
    private static final HttpString LAST_EVENT_ID = HttpString.tryFromString("Last-Event-ID");
    private static final String PREFIX = "/v1/invocations/";
    /** A comment line this often keeps idle streams open through proxies. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    /** {@code limit} of a function's history when the caller gives none. */
    static final int DEFAULT_LIMIT = 20;

    static final int MAX_LIMIT = 100;

    private final InvocationRecorder history;
    private final InvocationEvents events;
    private final FunctionRegistry registry;
    /** Runs each new stream's replay: store reads, never on an IO thread. */
    private final Executor streams;

    /** Adds an invocation's schedule tick and callback to its view. */
    private final Addons addons;

    InvocationHistoryApi(
            InvocationRecorder history, InvocationEvents events, FunctionRegistry registry, Executor streams) {
        this(history, events, registry, streams, Addons.NONE);
    }

    InvocationHistoryApi(
            InvocationRecorder history,
            InvocationEvents events,
            FunctionRegistry registry,
            Executor streams,
            Addons addons) {
        this.addons = addons;
        this.history = history;
        this.events = events;
        this.registry = registry;
        this.streams = streams;
    }

    /**
     * {@code GET /v1/functions/{name}/invocations?limit=N}: the function's newest invocations
     * first (default 20, at most 100), without their results; blocks on the store.
     */
    void list(HttpServerExchange exchange) {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        if (registry.get(name).isEmpty()) {
            throw FunctionRegistry.notFound(name);
        }
        int limit = limit(exchange.getQueryParameters().get("limit"));
        List<Object> invocations = new ArrayList<>();
        for (Invocation invocation : history.recent(name, limit)) {
            invocations.add(InvocationView.of(invocation.withoutBodies()));
        }
        Json.send(exchange, 200, Map.of("invocations", invocations));
    }

    static int limit(Deque<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String value = values.getFirst().strip();
        if (value.matches("\\d{1,3}")) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw new ApiException(
                ErrorCode.BAD_REQUEST,
                "\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ": " + quote(values.getFirst()));
    }

    /**
     * Answers 400 {@code invalid_id} for any path under {@code /v1/invocations/} whose id segment
     * is not a valid id ({@code ../etc/passwd} included, which no route would match), before any
     * routing; cheap, so it runs on the IO thread.
     */
    static HttpHandler guard(HttpHandler next) {
        return exchange -> {
            String path = exchange.getRelativePath();
            if (path.startsWith(PREFIX) && path.length() > PREFIX.length()) {
                int slash = path.indexOf('/', PREFIX.length());
                String id = path.substring(PREFIX.length(), slash < 0 ? path.length() : slash);
                try {
                    InvocationIds.check(id);
                } catch (ApiException invalid) {
                    ErrorResponses.send(exchange, invalid, true);
                    return;
                }
            }
            next.handleRequest(exchange);
        };
    }

    /** {@code GET /v1/invocations/{id}}; blocks on the store. */
    void get(HttpServerExchange exchange) {
        String id = InvocationIds.check(pathId(exchange));
        Invocation invocation = history.find(id).orElseThrow(() -> notFound(id));
        Map<String, Object> json = InvocationView.of(invocation);
        json.putAll(addons.ofInvocation(id));
        Json.send(exchange, 200, json);
    }

    /** {@code GET /v1/invocations/{id}/events}. */
    HttpHandler events() {
        return new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                try {
                    String id = InvocationIds.check(pathId(exchange));
                    if (history.find(id).isEmpty()) {
                        throw notFound(id);
                    }
                    long after = lastEventId(exchange);
                    new ServerSentEventHandler(
                                    (connection, ignored) -> streams.execute(() -> stream(connection, id, after)))
                            .handleRequest(exchange);
                } catch (Throwable failure) {
                    ErrorResponses.send(exchange, failure, true);
                }
            }
        };
    }

    private void stream(ServerSentEventConnection connection, String id, long after) {
        connection.setKeepAliveTime(KEEP_ALIVE_MILLIS);
        Stream stream = new Stream(connection);
        InvocationEvents.Subscription subscription = events.subscribe(id, stream);
        stream.subscription = subscription;
        connection.addCloseTask(closed -> subscription.cancel());
        try {
            long through = after;
            boolean ended = false;
            for (InvocationEvents.Update update : replay(id)) {
                ended = update.event().status().terminal();
                if (update.event().seq() > through) {
                    stream.send(update);
                    through = update.event().seq();
                }
            }
            if (ended) {
                stream.end();
                return;
            }
            subscription.goLive(through);
        } catch (RuntimeException e) {
            LOG.warn("cannot stream the events of invocation {}: {}", id, e.getMessage());
            subscription.cancel();
            IoUtils.safeClose(connection);
        }
    }

    /**
     * The invocation's stored changes, each with the invocation as it was then. Events are read
     * before the invocation, so the invocation is at least as new as the last event. A
     * synchronous call has no stored events; its two states come from its record.
     */
    List<InvocationEvents.Update> replay(String id) {
        List<InvocationEvent> stored = history.events(id);
        Invocation invocation = history.find(id).orElse(null);
        if (invocation == null) {
            return List.of();
        }
        if (stored.isEmpty()) {
            stored = invocation.impliedEvents();
        }
        List<InvocationEvents.Update> updates = new ArrayList<>(stored.size());
        for (InvocationEvent event : stored) {
            updates.add(new InvocationEvents.Update(event, invocation.asOf(event)));
        }
        return updates;
    }

    /**
     * One subscriber's SSE connection: each update one event, each line a {@code log} event
     * (dropped while the client lags, see {@link EventSender}), the final update ends it.
     */
    private static final class Stream implements InvocationEvents.Listener {

        private final ServerSentEventConnection connection;
        private final EventSender sender;
        /** Set right after subscribing, before any update can be delivered. */
        volatile InvocationEvents.Subscription subscription;

        Stream(ServerSentEventConnection connection) {
            this.connection = connection;
            this.sender = new EventSender(connection);
        }

        @Override
        public void update(InvocationEvents.Update update) {
            send(update);
            if (update.event().status().terminal()) {
                end();
            }
        }

        @Override
        public void log(InvocationEvents.LogLine line) {
            sender.log(line);
        }

        @Override
        public void ended() {
            connection.shutdown();
        }

        void send(InvocationEvents.Update update) {
            sender.send(
                    EventSender.json(InvocationView.of(update.invocation())),
                    update.event().status().wire(),
                    Integer.toString(update.event().seq()));
        }

        void end() {
            if (subscription != null) {
                subscription.cancel();
            }
            connection.shutdown();
        }
    }

    private static long lastEventId(HttpServerExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst(LAST_EVENT_ID);
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return 0;
        }
        return Long.parseLong(value.strip());
    }

    private static String pathId(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id");
    }

    static ApiException notFound(String id) {
        return new ApiException(
                ErrorCode.INVOCATION_NOT_FOUND,
                "no invocation with id '" + id
                        + "'; ids come from Fn-Request-Id, and ended invocations are kept for the"
                        + " runtime's --invocation-retention-hours");
    }
}
