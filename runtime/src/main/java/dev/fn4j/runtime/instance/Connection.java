package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A channel to one host slot: one call at a time; closing it fails a call in progress. */
public interface Connection extends AutoCloseable {

    /** Sends one invocation and blocks until the host answers it. */
    Answer call(Frame.Invoke invoke) throws IOException;

    /**
     * Sends one invocation and blocks until the host answers it, handing the lines the call
     * writes to {@code sink} as they arrive, all of them before this returns. A connection that
     * cannot stream hands over none.
     */
    default Answer call(Frame.Invoke invoke, LineSink sink) throws IOException {
        return call(invoke);
    }

    /**
     * Sends one invocation and completes with the host's answer, or with the {@link IOException}
     * {@link #call(Frame.Invoke, LineSink)} would throw; {@code sink} gets the lines as they
     * arrive, all of them before it completes. A connection that reads its answers without a
     * thread ({@link HostConnection}) returns at once; this default blocks the calling thread,
     * for connections that cannot (test doubles).
     */
    default CompletableFuture<Answer> callAsync(Frame.Invoke invoke, LineSink sink) {
        try {
            return CompletableFuture.completedFuture(call(invoke, sink));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    boolean isOpen();

    @Override
    void close();

    /**
     * The host's answer to one call and what the call wrote to stdout, stderr and its logger.
     *
     * @param frame a Result, FunctionError or PlatformError (or, from a broken host, another
     *     frame type the caller must treat as a protocol violation); never Hello, Logs or LogLines
     * @param logs the call's captured output, ending with the host's truncation marker when it
     *     was cut; empty when the host sent none
     */
    record Answer(Frame frame, String logs) {
        public Answer {
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(logs, "logs");
        }

        /** An answer without logs. */
        public static Answer of(Frame frame) {
            return new Answer(frame, "");
        }
    }
}
