package dev.fn4j.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Writes whole byte arrays to a non-blocking channel, waiting while its buffer is full, as a
 * blocking channel's stream would: the runtime reading slowly holds the writing thread, never
 * the bytes. Callers serialise their writes (a connection writes under its lock).
 */
final class ChannelOutput extends OutputStream {

    private final SocketChannel channel;

    ChannelOutput(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(b, off, len);
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                awaitWritable();
            }
        }
    }

    /**
     * Waits on a selector of its own, opened for the wait and closed after it (a channel may be
     * registered with several), so waiting never touches the serving loop's, and nothing is left
     * open once the connection ends. A full socket buffer is rare: a large answer, a slow runtime.
     */
    private void awaitWritable() throws IOException {
        try (Selector writable = Selector.open()) {
            channel.register(writable, SelectionKey.OP_WRITE);
            writable.select();
        }
    }
}
