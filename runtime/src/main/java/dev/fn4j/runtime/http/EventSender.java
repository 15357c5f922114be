package dev.fn4j.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fn4j.runtime.invocation.InvocationEvents;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one SSE connection's events without ever blocking the sender: Undertow queues them and
 * writes as the client reads. State, result and truncation events are always queued; a
 * {@code log} event only while fewer than {@link #MAX_PENDING} events wait, so a slow client
 * costs a bounded buffer and never stalls the call that writes the lines. The log events it drops
 * are counted and announced in one {@code log-dropped} event before the next event it sends.
 */
final class EventSender {

    /** The most queued, unwritten events under which a log event is still queued. */
    static final int MAX_PENDING = 256;

    static final String LOG = "log";
    static final String LOG_TRUNCATED = "log-truncated";
    static final String LOG_DROPPED = "log-dropped";

    /** Where events are queued: an SSE connection, which calls {@code written} once each is out. */
    @FunctionalInterface
    interface Queue {
        void queue(String data, String name, String id, Runnable written);
    }

    private final Queue connection;
    /** Events queued and not yet written or failed; never negative. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Log events dropped since the last one sent; guarded by this. */
    private long dropped;

    EventSender(ServerSentEventConnection connection) {
        this(onto(connection));
    }

    EventSender(Queue connection) {
        this.connection = connection;
    }

    /** Queues onto Undertow's SSE connection, which writes without blocking the caller. */
    private static Queue onto(ServerSentEventConnection connection) {
        return (data, name, id, written) ->
                connection.send(data, name, id, new ServerSentEventConnection.EventCallback() {
                    @Override
                    public void done(ServerSentEventConnection c, String d, String e, String i) {
                        written.run();
                    }

                    @Override
                    public void failed(
                            ServerSentEventConnection c, String d, String e, String i, java.io.IOException t) {
                        written.run();
                    }
                });
    }

    /** Queues a line as a {@code log} event (or {@code log-truncated}), unless the client lags. */
    synchronized void log(InvocationEvents.LogLine line) {
        if (!line.truncated() && pending.get() >= MAX_PENDING) {
            dropped++;
            return;
        }
        send(json(Map.of("line", line.text())), line.truncated() ? LOG_TRUNCATED : LOG, null);
    }

    /** Queues an event that is never dropped. */
    synchronized void send(String data, String name, String id) {
        if (dropped > 0) {
            String count = json(Map.of("dropped", dropped));
            dropped = 0;
            queue(count, LOG_DROPPED, null);
        }
        queue(data, name, id);
    }

    private void queue(String data, String name, String id) {
        pending.incrementAndGet();
        connection.queue(data, name, id, pending::decrementAndGet);
    }

    /** The value as one line of JSON: an SSE data field must not contain a line break. */
    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }
}
