package dev.fn4j.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Decodes frames from a non-blocking channel as its bytes arrive, keeping what a read gives until
 * a frame is whole; the end of the stream is reported as {@link FrameCodec#read} reports it. Its
 * buffer grows to hold a large frame and goes back to {@link #INITIAL_BYTES} once it is decoded.
 * Not thread-safe: one reader at a time.
 */
public final class FrameDecoder {

    /** What the buffer starts at, and shrinks back to after a larger frame. */
    public static final int INITIAL_BYTES = 64 * 1024;

    /** In write mode: bytes [0, position) were read and not yet decoded. */
    private ByteBuffer input = ByteBuffer.allocate(INITIAL_BYTES);

    /**
     * Reads what the channel has, once.
     *
     * @return the bytes read, 0 when the channel had none
     * @throws EOFException when the stream ended cleanly, between frames
     * @throws ProtocolException when the stream ended inside a frame
     */
    public int read(ReadableByteChannel channel) throws IOException {
        if (!input.hasRemaining()) {
            input = grown(input, input.capacity() * 2);
        }
        int read = channel.read(input);
        if (read >= 0) {
            return read;
        }
        int buffered = input.position();
        if (buffered == 0) {
            throw new EOFException("end of stream before a frame");
        }
        if (buffered < FrameCodec.LENGTH_BYTES) {
            throw new ProtocolException("the stream ended inside a frame's length");
        }
        throw new ProtocolException("the stream ended inside a frame of " + input.getInt(0) + " bytes");
    }

    /**
     * The next whole frame read so far, or null until one is whole.
     *
     * @throws ProtocolException when the bytes are not a valid frame
     */
    public Frame next() throws IOException {
        if (input.position() < FrameCodec.LENGTH_BYTES) {
            return null;
        }
        int length = FrameCodec.checkedLength(input.getInt(0));
        int whole = FrameCodec.LENGTH_BYTES + length;
        if (input.position() < whole) {
            if (whole > input.capacity()) {
                // Sized once for the frame, instead of doubling read by read.
                input = grown(input, whole);
            }
            return null;
        }
        byte[] payload = new byte[length];
        input.flip();
        input.position(FrameCodec.LENGTH_BYTES);
        input.get(payload);
        input.compact();
        if (input.position() == 0 && input.capacity() > INITIAL_BYTES) {
            // A large frame is rare: its buffer goes once it is decoded.
            input = ByteBuffer.allocate(INITIAL_BYTES);
        }
        return FrameCodec.decode(payload);
    }

    /** Whether bytes of a frame not yet whole, or of frames not yet taken, are buffered. */
    public boolean hasBuffered() {
        return input.position() > 0;
    }

    private static ByteBuffer grown(ByteBuffer buffer, int capacity) {
        ByteBuffer larger = ByteBuffer.allocate(capacity);
        buffer.flip();
        larger.put(buffer);
        return larger;
    }
}
