package dev.fn4j.runtime.invoke;

import dev.fn4j.runtime.instance.LineSink;

/** Where the lines a call writes go while it runs: one sink per call, chosen by its request id. */
@FunctionalInterface
public interface LiveOutput {

    /** Drops every line: for runtimes and tests without live output. */
    LiveOutput NONE = requestId -> LineSink.NONE;

    /** The sink of the call with this request id; never null. */
    LineSink open(String requestId);
}
