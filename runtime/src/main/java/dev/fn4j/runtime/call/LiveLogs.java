package dev.fn4j.runtime.call;

import dev.fn4j.runtime.instance.LineSink;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invoke.LiveOutput;
import java.util.Objects;

/**
 * Publishes the lines a call writes while it runs to the subscribers of the invocation with the
 * call's request id (an invocation's id is its calls' request id, synchronous or asynchronous).
 */
public final class LiveLogs implements LiveOutput {

    private final InvocationEvents events;

    public LiveLogs(InvocationEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public LineSink open(String requestId) {
        return new LineSink() {
            @Override
            public void line(String line) {
                events.publishLog(requestId, new InvocationEvents.LogLine(line, false));
            }

            @Override
            public void truncated(String marker) {
                events.publishLog(requestId, new InvocationEvents.LogLine(marker, true));
            }
        };
    }
}
