package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One connection from a host process: carries one call at a time, request then answer (with the
 * call's LogLines frames and Logs frame before it when the host sends them). Closing it from another thread unblocks a
 * pending {@link #call}, which is how deadlines are enforced.
 */
public final class HostConnection implements Connection {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    HostConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
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

    /**
     * Sends the call, then reads its answer, taking the optional Logs frame before it.
     *
     * @throws IOException when the connection fails, or the host sends Hello, a second Logs
     *     frame, or a Logs frame for another request id
     */
    @Override
    public Answer call(Frame.Invoke invoke) throws IOException {
        return call(invoke, LineSink.NONE);
    }

    /**
     * Sends the call, then reads its answer, handing the lines of its LogLines frames and the
     * rest of its Logs frame to {@code sink} on the way.
     *
     * @throws IOException when the connection fails, or the host breaks the rules of LogLines and
     *     Logs frames (docs/protocol.md): the caller treats it as a crash
     */
    @Override
    public Answer call(Frame.Invoke invoke, LineSink sink) throws IOException {
        FrameCodec.write(invoke, out);
        LiveLines live = new LiveLines(invoke.requestId(), Protocol.DEFAULT_LOG_LIMIT_BYTES, sink);
        Frame frame = FrameCodec.read(in);
        while (frame instanceof Frame.LogLines lines) {
            live.lines(lines);
            frame = FrameCodec.read(in);
        }
        String logs = "";
        if (frame instanceof Frame.Logs captured) {
            live.logs(captured);
            logs = captured.text();
            frame = FrameCodec.read(in);
        }
        if (frame instanceof Frame.Hello || frame instanceof Frame.Logs || frame instanceof Frame.LogLines) {
            throw new ProtocolException("host sent frame type " + frame.type() + " where the answer to call '"
                    + invoke.requestId() + "' belongs");
        }
        return new Answer(frame, logs);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort: the container is being removed anyway.
        }
    }
}
