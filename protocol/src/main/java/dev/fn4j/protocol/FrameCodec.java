package dev.fn4j.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@link Frame}s: a big-endian u32 length, then the version byte, the type byte
 * and the type's fields. Strings are a u32 byte count and UTF-8; byte arrays a u32 count and the
 * bytes; header lists a u32 count of string pairs.
 *
 * <p>Stateless; callers serialize writes to one stream themselves.
 */
public final class FrameCodec {

    /** The bytes of the length that starts every frame. */
    public static final int LENGTH_BYTES = 4;

    private FrameCodec() {}

    /** Writes one frame and flushes the stream. */
    public static void write(Frame frame, OutputStream out) throws IOException {
        out.write(encode(frame));
        out.flush();
    }

    /**
     * One frame as it goes on the wire: its u32 length, then its payload.
     *
     * @throws ProtocolException when the frame is larger than {@link Protocol#MAX_FRAME_BYTES}
     */
    public static byte[] encode(Frame frame) throws IOException {
        // Sized for the body at once, so a large answer is not copied on its way into the buffer.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + bodyLength(frame));
        DataOutputStream data = new DataOutputStream(buffer);
        data.writeInt(0);
        data.writeByte(Protocol.VERSION);
        data.writeByte(frame.type());
        if (frame instanceof Frame.Hello hello) {
            writeString(data, hello.instanceId());
            data.writeInt(hello.connection());
            writeString(data, hello.handler());
        } else if (frame instanceof Frame.Invoke invoke) {
            writeString(data, invoke.requestId());
            data.writeLong(invoke.deadlineEpochMillis());
            writeHeaders(data, invoke.headers());
            writeBytes(data, invoke.body());
        } else if (frame instanceof Frame.Result result) {
            writeString(data, result.requestId());
            writeHeaders(data, result.headers());
            writeBytes(data, result.body());
        } else if (frame instanceof Frame.FunctionError error) {
            writeString(data, error.requestId());
            writeString(data, error.errorType());
            writeString(data, error.message());
            writeString(data, error.stackTrace());
        } else if (frame instanceof Frame.PlatformError error) {
            writeString(data, error.requestId());
            writeString(data, error.code());
            writeString(data, error.message());
            data.writeBoolean(error.fatal());
        } else if (frame instanceof Frame.Logs logs) {
            writeString(data, logs.requestId());
            writeString(data, logs.text());
            data.writeBoolean(logs.truncated());
        } else if (frame instanceof Frame.LogLines lines) {
            writeString(data, lines.requestId());
            writeString(data, lines.text());
        }
        byte[] framed = buffer.toByteArray();
        int length = framed.length - LENGTH_BYTES;
        if (length > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException("frame too large: " + length + " bytes, limit " + Protocol.MAX_FRAME_BYTES);
        }
        framed[0] = (byte) (length >>> 24);
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        return framed;
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException when the stream ends cleanly before a frame starts
     * @throws ProtocolException when the bytes are not a valid frame, or the stream ends inside one
     */
    public static Frame read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("end of stream before a frame");
        }
        byte[] rest = new byte[3];
        readFully(in, rest, "the stream ended inside a frame's length");
        int length =
                checkedLength((first << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF));
        byte[] payload = new byte[length];
        readFully(in, payload, "the stream ended inside a frame of " + length + " bytes");
        return decode(payload);
    }

    private static void readFully(InputStream in, byte[] into, String truncated) throws IOException {
        // Read in place: a DataInputStream per read allocated two 80-element buffers per frame.
        for (int at = 0; at < into.length; ) {
            int read = in.read(into, at, into.length - at);
            if (read < 0) {
                throw new ProtocolException(truncated);
            }
            at += read;
        }
    }

    /**
     * The payload length a frame's first {@link #LENGTH_BYTES} bytes give, checked.
     *
     * @throws ProtocolException when it is too short for a frame or above {@link Protocol#MAX_FRAME_BYTES}
     */
    public static int checkedLength(int length) throws ProtocolException {
        if (length < 2 || length > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException("frame length out of range: " + length);
        }
        return length;
    }

    /**
     * Decodes one frame's payload, the bytes after its length.
     *
     * @throws ProtocolException when the bytes are not a valid frame
     */
    public static Frame decode(byte[] payload) throws IOException {
        Reader in = new Reader(payload);
        byte version = in.readByte();
        if (version != Protocol.VERSION) {
            throw new ProtocolException(
                    "unsupported protocol version: " + version + " (this side speaks " + Protocol.VERSION + ")");
        }
        byte type = in.readByte();
        Frame frame;
        try {
            frame = decode(type, in);
        } catch (EOFException | IllegalArgumentException e) {
            // A field ran past the end, or a value the frame's constructor refuses.
            throw new ProtocolException("malformed frame of type " + type + ": " + e.getMessage());
        }
        if (in.remaining() != 0) {
            throw new ProtocolException(in.remaining() + " trailing bytes after frame type " + type);
        }
        return frame;
    }

    private static Frame decode(byte type, Reader in) throws IOException {
        return switch (type) {
            case Frame.Hello.TYPE -> new Frame.Hello(in.string(), in.readInt(), in.string());
            case Frame.Invoke.TYPE -> new Frame.Invoke(in.string(), in.readLong(), in.headers(), in.bytes());
            case Frame.Result.TYPE -> new Frame.Result(in.string(), in.headers(), in.bytes());
            case Frame.FunctionError.TYPE ->
                new Frame.FunctionError(in.string(), in.string(), in.string(), in.string());
            case Frame.PlatformError.TYPE ->
                new Frame.PlatformError(in.string(), in.string(), in.string(), in.readBoolean());
            case Frame.Logs.TYPE -> new Frame.Logs(in.string(), in.string(), in.readBoolean());
            case Frame.LogLines.TYPE -> new Frame.LogLines(in.string(), in.string());
            default -> throw new ProtocolException("unknown frame type: " + type);
        };
    }

    private static int bodyLength(Frame frame) {
        if (frame instanceof Frame.Invoke invoke) {
            return invoke.body().length;
        }
        return frame instanceof Frame.Result result ? result.body().length : 0;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeHeaders(DataOutputStream out, List<Frame.Header> headers) throws IOException {
        out.writeInt(headers.size());
        for (Frame.Header header : headers) {
            writeString(out, header.name());
            writeString(out, header.value());
        }
    }

    /**
     * Reads fields from one frame's payload, in place; every count is checked against what is left
     * and a field running past the end is an {@link EOFException}.
     */
    private static final class Reader {
        private final byte[] payload;
        /** The next byte to read; never past {@code payload.length}. */
        private int at;

        Reader(byte[] payload) {
            this.payload = payload;
        }

        int remaining() {
            return payload.length - at;
        }

        private int take(int count) throws EOFException {
            if (count > remaining()) {
                throw new EOFException("the frame ends " + (count - remaining()) + " byte(s) early");
            }
            int from = at;
            at += count;
            return from;
        }

        byte readByte() throws EOFException {
            return payload[take(1)];
        }

        boolean readBoolean() throws EOFException {
            return readByte() != 0;
        }

        int readInt() throws EOFException {
            int i = take(4);
            return (payload[i] & 0xFF) << 24
                    | (payload[i + 1] & 0xFF) << 16
                    | (payload[i + 2] & 0xFF) << 8
                    | (payload[i + 3] & 0xFF);
        }

        long readLong() throws EOFException {
            return (long) readInt() << 32 | (readInt() & 0xFFFFFFFFL);
        }

        byte[] bytes() throws IOException {
            int count = fieldLength();
            int from = take(count);
            return Arrays.copyOfRange(payload, from, from + count);
        }

        String string() throws IOException {
            int count = fieldLength();
            return new String(payload, take(count), count, StandardCharsets.UTF_8);
        }

        private int fieldLength() throws IOException {
            int count = readInt();
            if (count < 0 || count > remaining()) {
                throw new ProtocolException("field length " + count + " exceeds the " + remaining()
                        + " bytes left of a " + payload.length + "-byte frame");
            }
            return count;
        }

        List<Frame.Header> headers() throws IOException {
            int count = readInt();
            // Each header takes at least 8 bytes, so a larger count cannot be honest.
            if (count < 0 || count > remaining() / 8) {
                throw new ProtocolException("header count out of range: " + count);
            }
            List<Frame.Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add(new Frame.Header(string(), string()));
            }
            return headers;
        }
    }
}
