package dev.fn4j.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    /** A non-blocking channel that hands out the given chunks, one a read, then nothing, then its end. */
    private static final class Chunks implements ReadableByteChannel {
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private boolean ended;

        Chunks add(byte[]... more) {
            chunks.addAll(List.of(more));
            return this;
        }

        Chunks end() {
            ended = true;
            return this;
        }

        @Override
        public int read(ByteBuffer into) {
            byte[] chunk = chunks.poll();
            if (chunk == null) {
                return ended ? -1 : 0;
            }
            int taken = Math.min(chunk.length, into.remaining());
            into.put(chunk, 0, taken);
            if (taken < chunk.length) {
                chunks.push(Arrays.copyOfRange(chunk, taken, chunk.length));
            }
            return taken;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    private static final Frame.Result SMALL = new Frame.Result("r", List.of(), new byte[] {1, 2, 3});

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void aFrameThatArrivesInPiecesIsWholeOnlyOnceItsLastByteCame() throws IOException {
        byte[] wire = FrameCodec.encode(SMALL);
        Chunks channel = new Chunks()
                .add(
                        Arrays.copyOfRange(wire, 0, 2),
                        Arrays.copyOfRange(wire, 2, 7),
                        Arrays.copyOfRange(wire, 7, wire.length));
        FrameDecoder decoder = new FrameDecoder();

        decoder.read(channel);
        assertNull(decoder.next());
        decoder.read(channel);
        assertNull(decoder.next());
        assertTrue(decoder.hasBuffered());
        decoder.read(channel);

        Frame.Result back = (Frame.Result) decoder.next();
        assertEquals("r", back.requestId());
        assertArrayEquals(new byte[] {1, 2, 3}, back.body());
        assertFalse(decoder.hasBuffered());
    }

    @Test
    void twoFramesReadAtOnceComeOutInOrder() throws IOException {
        byte[] first = FrameCodec.encode(new Frame.LogLines("r", "a\n"));
        byte[] second = FrameCodec.encode(SMALL);
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        FrameDecoder decoder = new FrameDecoder();

        assertEquals(both.length, decoder.read(new Chunks().add(both)));

        assertEquals(new Frame.LogLines("r", "a\n"), decoder.next());
        assertEquals("r", ((Frame.Result) decoder.next()).requestId());
        assertNull(decoder.next());
    }

    @Test
    void aFrameLargerThanTheBufferIsDecodedWholeAndTheNextOneAfterIt() throws IOException {
        byte[] body = new byte[FrameDecoder.INITIAL_BYTES * 3 + 17];
        Arrays.fill(body, (byte) 7);
        byte[] large = FrameCodec.encode(new Frame.Result("big", List.of(), body));
        Chunks channel = new Chunks();
        for (int at = 0; at < large.length; at += 10_000) {
            channel.add(Arrays.copyOfRange(large, at, Math.min(large.length, at + 10_000)));
        }
        channel.add(FrameCodec.encode(SMALL));
        FrameDecoder decoder = new FrameDecoder();

        Frame frame = null;
        while (frame == null) {
            decoder.read(channel);
            frame = decoder.next();
        }
        assertArrayEquals(body, ((Frame.Result) frame).body());
        Frame after = decoder.next();
        while (after == null) {
            decoder.read(channel);
            after = decoder.next();
        }
        assertEquals("r", ((Frame.Result) after).requestId());
        assertFalse(decoder.hasBuffered());
    }

    @Test
    void aReadOfNothingReturnsZero() throws IOException {
        assertEquals(0, new FrameDecoder().read(new Chunks()));
    }

    @Test
    void theEndBetweenFramesIsTheEndOfTheStream() {
        EOFException e = assertThrows(EOFException.class, () -> new FrameDecoder().read(new Chunks().end()));
        assertEquals("end of stream before a frame", e.getMessage());
    }

    @Test
    void theEndInsideTheLengthIsAProtocolError() {
        assertEquals(
                "the stream ended inside a frame's length", endAfter("0000").getMessage());
    }

    @Test
    void theEndInsideAFrameIsAProtocolErrorNamingItsLength() {
        assertEquals(
                "the stream ended inside a frame of 16 bytes",
                endAfter("00000010 0103").getMessage());
    }

    /** What reading {@code hex}, then the end of the stream, throws. */
    private static ProtocolException endAfter(String hex) {
        FrameDecoder decoder = new FrameDecoder();
        Chunks channel = new Chunks().add(hex(hex)).end();
        return assertThrows(ProtocolException.class, () -> {
            decoder.read(channel);
            decoder.read(channel);
        });
    }

    @Test
    void aLengthOutOfRangeIsRefusedBeforeItsBytesCome() throws IOException {
        FrameDecoder decoder = new FrameDecoder();
        decoder.read(new Chunks().add(hex("7fffffff")));

        ProtocolException e = assertThrows(ProtocolException.class, decoder::next);
        assertEquals("frame length out of range: 2147483647", e.getMessage());
    }
}
