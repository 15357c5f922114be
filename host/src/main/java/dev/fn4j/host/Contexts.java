package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.protocol.Frame;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Makes the {@link Context} of each invocation of one function; thread-safe. */
final class Contexts {

    private final String functionName;
    private final Map<String, String> config;
    /** The container's real stderr, where logger lines go besides each call's log. */
    private final PrintStream log;

    private final Clock clock;

    Contexts(String functionName, Map<String, String> config, PrintStream log, Clock clock) {
        this.functionName = functionName;
        this.config = Map.copyOf(config);
        this.log = log;
        this.clock = clock;
    }

    /** The clock remaining times are read from; adapters stamp their events with it. */
    Clock clock() {
        return clock;
    }

    /**
     * The context of the invocation an Invoke frame asks for.
     *
     * @param callLog the call's log, where its logger writes besides stderr
     */
    Context of(Frame.Invoke invoke, CapturedLog callLog) {
        return new InvocationContext(
                invoke.requestId(),
                functionName,
                Instant.ofEpochMilli(invoke.deadlineEpochMillis()),
                config,
                new StderrLogger(invoke.requestId(), callLog, log, clock),
                clock);
    }
}
