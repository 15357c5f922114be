package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One connection from a host process: carries one call at a time, request then answer. Closing it
 * from another thread unblocks a pending {@link #call}, which is how deadlines are enforced.
 */
public final class HostConnection implements Connection {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    /** The index the host gave this connection in its Hello. */
    private final int index;

    HostConnection(SocketChannel channel, int index) {
        this.channel = channel;
        this.index = index;
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    /** Reads the first frame of a fresh connection, which must be the host's Hello. */
    static Frame.Hello readHello(SocketChannel channel) throws IOException {
        Frame frame = FrameCodec.read(Channels.newInputStream(channel));
        if (!(frame instanceof Frame.Hello hello)) {
            throw new IOException("expected Hello as the first frame, got type " + frame.type());
        }
        return hello;
    }

    @Override
    public Frame call(Frame.Invoke invoke) throws IOException {
        FrameCodec.write(invoke, out);
        Frame answer = FrameCodec.read(in);
        if (answer instanceof Frame.Hello) {
            throw new IOException("host sent Hello in the middle of a call");
        }
        return answer;
    }

    public int index() {
        return index;
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
