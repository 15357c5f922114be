package dev.fn4j.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static byte[] bytes(Frame frame) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(frame, out);
        return out.toByteArray();
    }

    private static Frame read(byte[] bytes) throws IOException {
        return FrameCodec.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** The worked example of docs/protocol.md, byte for byte. */
    @Test
    void invokeHasTheDocumentedLayout() throws IOException {
        Frame.Result result = new Frame.Result("r", List.of(new Frame.Header(":status", "200")), new byte[] {0, 1});
        Frame.Result resultBack = (Frame.Result) read(bytes(result));
        assertEquals(result.requestId(), resultBack.requestId());
        assertEquals(result.headers(), resultBack.headers());
        assertArrayEquals(result.body(), resultBack.body());
        Frame.Invoke invoke = new Frame.Invoke(
                "r1",
                1767225600000L,
                List.of(new Frame.Header(":method", "GET"), new Frame.Header(":path", "/hi")),
                "ok".getBytes(StandardCharsets.UTF_8));

        assertEquals(
                "0000003c" + "01" + "02" + "00000002" + "7231" + "0000019b76daa800"
                        + "00000002" + "00000007" + "3a6d6574686f64" + "00000003" + "474554"
                        + "00000005" + "3a70617468" + "00000003" + "2f6869"
                        + "00000002" + "6f6b",
                HexFormat.of().formatHex(bytes(invoke)));
    }

    /** The answer in the worked example of docs/protocol.md. */
    @Test
    void resultHasTheDocumentedLayout() throws IOException {
        Frame.Result result = new Frame.Result(
                "r1",
                List.of(new Frame.Header("content-type", "text/plain; charset=utf-8")),
                "ok".getBytes(StandardCharsets.UTF_8));

        assertEquals(
                "0000003f" + "01" + "03" + "00000002" + "7231"
                        + "00000001" + "0000000c" + "636f6e74656e742d74797065"
                        + "00000019" + "746578742f706c61696e3b20636861727365743d7574662d38"
                        + "00000002" + "6f6b",
                HexFormat.of().formatHex(bytes(result)));
    }

    /** The Logs example of docs/protocol.md. */
    @Test
    void logsHasTheDocumentedLayout() throws IOException {
        Frame.Logs logs = new Frame.Logs("r1", "hi\n", false);

        assertEquals(
                "00000010" + "01" + "06" + "00000002" + "7231" + "00000003" + "68690a" + "00",
                HexFormat.of().formatHex(bytes(logs)));
    }

    /** The LogLines example of docs/protocol.md. */
    @Test
    void logLinesHasTheDocumentedLayout() throws IOException {
        Frame.LogLines lines = new Frame.LogLines("r1", "step 1\n");

        assertEquals(
                "00000013" + "01" + "07" + "00000002" + "7231" + "00000007" + "73746570203" + "10a",
                HexFormat.of().formatHex(bytes(lines)));
    }

    @Test
    void logLinesRoundTripSeveralLines() throws IOException {
        Frame.LogLines lines = new Frame.LogLines("r9", "grüß\r\nline two\n");

        assertEquals(lines, read(bytes(lines)));
    }

    @Test
    void logLinesWithoutAFinalLineFeedIsMalformed() {
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> read(hex("0000000f 0107 00000001 72 00000004 68690a68")));
        assertTrue(
                e.getMessage().startsWith("malformed frame of type 7: LogLines text must be whole lines"),
                e.getMessage());
    }

    @Test
    void emptyLogLinesIsMalformed() {
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> read(hex("0000000a 0107 00000001 72 00000000")));
        assertTrue(e.getMessage().startsWith("malformed frame of type 7"), e.getMessage());
    }

    @Test
    void logsRoundTripWithTextAndTruncatedFlag() throws IOException {
        Frame.Logs logs = new Frame.Logs("r9", "grüß\nline two\n… [fn4j: log truncated after 8 bytes]\n", true);

        assertEquals(logs, read(bytes(logs)));
    }

    @Test
    void logsReadsAnyNonZeroFlagAsTruncated() throws IOException {
        Frame frame = read(hex("0000000e 0106 00000001 72 00000002 6869 07"));

        assertEquals(new Frame.Logs("r", "hi", true), frame);
    }

    @Test
    void logsWithoutItsFlagIsMalformed() {
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> read(hex("0000000d 0106 00000001 72 00000002 6869")));
        assertTrue(e.getMessage().startsWith("malformed frame of type 6"), e.getMessage());
    }

    @Test
    void everyFrameTypeRoundTrips() throws IOException {
        List<Frame> frames = List.of(
                new Frame.Hello("i-1", 65535, "com.example.Hello"),
                new Frame.Logs("r", "", false),
                new Frame.LogLines("r", "a\n\nb\n"),
                new Frame.FunctionError("r", "java.lang.IllegalStateException", "", "trace"),
                new Frame.PlatformError("r", "out_of_memory", "heap", true),
                new Frame.PlatformError("r", "bad_input", "x", false));
        for (Frame frame : frames) {
            assertEquals(frame, read(bytes(frame)));
        }
        Frame.Result result = new Frame.Result("r", List.of(new Frame.Header(":status", "200")), new byte[] {0, 1});
        Frame.Result resultBack = (Frame.Result) read(bytes(result));
        assertEquals(result.requestId(), resultBack.requestId());
        assertEquals(result.headers(), resultBack.headers());
        assertArrayEquals(result.body(), resultBack.body());
        Frame.Invoke invoke = new Frame.Invoke("ü", Long.MIN_VALUE, List.of(new Frame.Header("a", "")), new byte[] {9});
        Frame.Invoke back = (Frame.Invoke) read(bytes(invoke));
        assertEquals(invoke.requestId(), back.requestId());
        assertEquals(invoke.deadlineEpochMillis(), back.deadlineEpochMillis());
        assertEquals(invoke.headers(), back.headers());
        assertArrayEquals(invoke.body(), back.body());
    }

    @Test
    void emptyStreamIsEndOfStream() {
        assertThrows(EOFException.class, () -> read(new byte[0]));
    }

    @Test
    void streamEndingInsideTheLengthIsAProtocolError() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("0000")));
        assertEquals("the stream ended inside a frame's length", e.getMessage());
    }

    @Test
    void streamEndingInsideAFrameIsAProtocolError() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("00000010 0103")));
        assertEquals("the stream ended inside a frame of 16 bytes", e.getMessage());
    }

    @Test
    void unknownVersionIsRefused() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("00000002 0202")));
        assertEquals("unsupported protocol version: 2 (this side speaks 1)", e.getMessage());
    }

    @Test
    void unknownTypeIsRefused() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("00000002 0109")));
        assertEquals("unknown frame type: 9", e.getMessage());
    }

    @Test
    void fieldRunningPastTheFrameIsAProtocolErrorNotEndOfStream() {
        // A PlatformError whose boolean is missing: before, this read as a clean end of stream.
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> read(hex("0000000e 0105 00000000 00000000 00000000")));
        assertTrue(e.getMessage().startsWith("malformed frame of type 5"), e.getMessage());
    }

    @Test
    void invalidFieldValueIsAProtocolError() {
        // A Hello with connection index -1.
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> read(hex("0000000e 0101 00000000 ffffffff 00000000")));
        assertEquals("malformed frame of type 1: connection must be in [0, 65535]: -1", e.getMessage());
    }

    @Test
    void trailingBytesAreRefused() {
        ProtocolException e = assertThrows(
                ProtocolException.class, () -> read(hex("00000010 0105 00000000 00000000 00000000 01 ff")));
        assertEquals("1 trailing bytes after frame type 5", e.getMessage());
    }

    @Test
    void lengthAboveTheLimitIsRefusedBeforeReading() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("04000001 0102")));
        assertEquals("frame length out of range: 67108865", e.getMessage());
    }

    @Test
    void writingAFrameAboveTheLimitFailsBeforeAnyByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frame.Result huge = new Frame.Result("r", List.of(), new byte[Protocol.MAX_FRAME_BYTES]);

        assertThrows(ProtocolException.class, () -> FrameCodec.write(huge, out));
        assertEquals(0, out.size());
    }
}
