package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.FrameDecoder;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.ProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One connection from a host process: carries one call at a time, request then answer (with the
 * call's LogLines frames and Logs frame before it when the host sends them). No thread waits
 * for the answer: the call's frame is written by the caller, the answer read by the
 * {@link HostSelector}'s thread, which completes the call's future. Closing it from another
 * thread fails a pending call at once, which is how deadlines are enforced.
 */
public final class HostConnection implements Connection, HostSelector.Ready {

    /** One call waiting for its answer. */
    private static final class Pending {
        final String requestId;
        final LiveLines live;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        /** Selector thread only: the Logs frame's text once it came, else null. */
        String logs;

        Pending(String requestId, LiveLines live) {
            this.requestId = requestId;
            this.live = live;
        }
    }

    private final SocketChannel channel;
    private final HostSelector selector;
    /** Guarded by this: the call waiting for its answer; null between calls. */
    private Pending pending;
    /** Guarded by this: what the selector still has to write of the pending call's frame, else null. */
    private ByteBuffer unwritten;
    /** Selector thread only: bytes read and not yet decoded. */
    private final FrameDecoder decoder = new FrameDecoder();

    HostConnection(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.selector = HostSelector.shared();
        channel.configureBlocking(false);
        selector.register(channel, this);
    }

    /**
     * Reads the first frame of a fresh connection, which must be the host's Hello.
     *
     * @throws HandlerFailedException when the host reports instead that its handler failed
     */
    static Frame.Hello readHello(SocketChannel channel) throws IOException {
        Frame frame = FrameCodec.read(Channels.newInputStream(channel));
        if (frame instanceof Frame.PlatformError error && Protocol.HANDLER_FAILED.equals(error.code())) {
            throw new HandlerFailedException(error.message());
        }
        if (!(frame instanceof Frame.Hello hello)) {
            throw new IOException("expected Hello as the first frame, got type " + frame.type());
        }
        return hello;
    }

    @Override
    public Answer call(Frame.Invoke invoke) throws IOException {
        return call(invoke, LineSink.NONE);
    }

    /**
     * Sends the call, then waits for its answer: {@link #callAsync} and a blocked thread.
     *
     * @throws IOException when the connection fails, or the host breaks the rules of LogLines and
     *     Logs frames (docs/protocol.md): the caller treats it as a crash
     */
    @Override
    public Answer call(Frame.Invoke invoke, LineSink sink) throws IOException {
        CompletableFuture<Answer> answer = callAsync(invoke, sink);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            // As an interrupted read on a blocking channel does: the call ends with its connection.
            close();
            Thread.currentThread().interrupt();
            throw new ClosedByInterruptException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException("the call on a host connection failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Writes the call's frame (the selector finishes what the socket's buffer cannot take at once)
     * and returns; the selector's thread completes the future with the answer, or with the
     * {@link IOException} that ended the call: the connection failed or closed, or the host broke
     * the rules of LogLines and Logs frames.
     *
     * @throws IllegalStateException when a call is still running on this connection
     */
    @Override
    public CompletableFuture<Answer> callAsync(Frame.Invoke invoke, LineSink sink) {
        Pending call = new Pending(
                invoke.requestId(), new LiveLines(invoke.requestId(), Protocol.DEFAULT_LOG_LIMIT_BYTES, sink));
        ByteBuffer frame;
        try {
            frame = ByteBuffer.wrap(FrameCodec.encode(invoke));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            if (pending != null) {
                throw new IllegalStateException("a host connection carries one call at a time; call '"
                        + pending.requestId + "' still runs on it");
            }
            if (!channel.isOpen()) {
                return CompletableFuture.failedFuture(new ClosedChannelException());
            }
            pending = call;
            try {
                channel.write(frame);
            } catch (IOException e) {
                pending = null;
                return CompletableFuture.failedFuture(e);
            }
            if (frame.hasRemaining()) {
                unwritten = frame;
                selector.wantWrite(channel);
            }
        }
        return call.answer;
    }

    @Override
    public void writable() {
        IOException failure = null;
        synchronized (this) {
            if (unwritten != null) {
                try {
                    channel.write(unwritten);
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure == null && (unwritten == null || !unwritten.hasRemaining())) {
                unwritten = null;
                selector.writeDone(channel);
            }
        }
        if (failure != null) {
            failed(failure);
        }
    }

    @Override
    public void readable() {
        try {
            decoder.read(channel);
            for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                frame(frame);
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /** One frame from the host: a line or the logs of the running call, or its answer. */
    private void frame(Frame frame) throws ProtocolException {
        Pending call;
        synchronized (this) {
            call = pending;
        }
        if (call == null) {
            throw new ProtocolException("host sent frame type " + frame.type() + " while no call was running");
        }
        if (call.logs == null && frame instanceof Frame.LogLines lines) {
            call.live.lines(lines);
            return;
        }
        if (call.logs == null && frame instanceof Frame.Logs captured) {
            call.live.logs(captured);
            call.logs = captured.text();
            return;
        }
        if (frame instanceof Frame.Hello || frame instanceof Frame.Logs || frame instanceof Frame.LogLines) {
            throw new ProtocolException("host sent frame type " + frame.type() + " where the answer to call '"
                    + call.requestId + "' belongs");
        }
        synchronized (this) {
            // Before the future completes: its dependents may start the next call on this connection.
            pending = null;
        }
        call.answer.complete(new Answer(frame, call.logs == null ? "" : call.logs));
    }

    /** Closes the connection and fails the call waiting on it, if any, with {@code cause}. */
    @Override
    public void failed(IOException cause) {
        closeChannel();
        Pending call;
        synchronized (this) {
            call = pending;
            pending = null;
            unwritten = null;
        }
        if (call != null) {
            call.answer.completeExceptionally(cause);
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        failed(new AsynchronousCloseException());
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort: the container is being removed anyway.
        }
    }
}
