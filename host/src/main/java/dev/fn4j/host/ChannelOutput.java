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
    /**
     * Opened the first time the channel's buffer is full, and kept: a selector of this stream's own
     * (a channel may be registered with several), so waiting never touches the serving loop's.
     */
    private Selector writable;

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

    private void awaitWritable() throws IOException {
        if (writable == null) {
            writable = Selector.open();
            channel.register(writable, SelectionKey.OP_WRITE);
        }
        writable.select();
        writable.selectedKeys().clear();
    }

    @Override
    public void close() throws IOException {
        if (writable != null) {
            writable.close();
        }
    }
}
