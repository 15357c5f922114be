package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** Test helper: the runtime's end of one connection. */
final class Peer implements AutoCloseable {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Peer(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    Frame read() throws IOException {
        return FrameCodec.read(in);
    }

    Frame.Hello readHello() throws IOException {
        Frame frame = read();
        if (!(frame instanceof Frame.Hello hello)) {
            throw new AssertionError("expected Hello, got " + frame);
        }
        return hello;
    }

    void write(Frame frame) throws IOException {
        FrameCodec.write(frame, out);
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Frame call(Frame.Invoke invoke) throws IOException {
        write(invoke);
        return read();
    }

    /** Whether the host closed its end: the next read finds the end of the stream. */
    boolean closedByHost() throws IOException {
        try {
            Frame frame = read();
            throw new AssertionError("expected end of stream, got " + frame);
        } catch (EOFException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
