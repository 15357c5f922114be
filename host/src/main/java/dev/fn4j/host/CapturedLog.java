package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one call wrote to stdout, stderr and its logger, in write order, keeping at most a limit
 * of bytes; thread-safe, since threads the handler starts write into it too.
 */
final class CapturedLog {

    private static final byte[] NONE = new byte[0];

    private final String requestId;
    /** The most bytes kept; 0 means capture is off and nothing is ever kept. */
    private final int limit;
    /** The first bytes written; only bytes[0, size) are meaningful. Guarded by this. */
    private byte[] bytes = NONE;
    /** 0 ≤ size ≤ limit; guarded by this. */
    private int size;
    /** Whether a write did not fit within the limit; guarded by this. */
    private boolean truncated;
    /**
     * Bytes [0, sent) went out in LogLines frames: 0 ≤ sent ≤ size, and sent is 0 or just past a
     * line feed, so what was streamed is always a prefix of the Logs text. Guarded by this.
     */
    private int sent;
    /** Once true, writes are dropped; guarded by this. */
    private boolean closed;

    /**
     * @param requestId the call's request id, for the Logs frame
     * @param limit the most bytes to keep, 0 to {@link dev.fn4j.protocol.Protocol#MAX_LOG_LIMIT_BYTES};
     *     0 turns capture off
     */
    CapturedLog(String requestId, int limit) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    /** The line that ends a truncated log. */
    static String marker(int limit) {
        return "… [fn4j: log truncated after " + limit + " bytes]\n";
    }

    /** Keeps as much of the bytes as still fits; a no-op once closed. */
    synchronized void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed || limit == 0 || len == 0) {
            return;
        }
        int kept = Math.min(len, limit - size);
        if (kept < len) {
            truncated = true;
        }
        if (kept == 0) {
            return;
        }
        if (size + kept > bytes.length) {
            int grown = Math.max(size + kept, Math.min(limit, Math.max(256, bytes.length * 2)));
            bytes = Arrays.copyOf(bytes, grown);
        }
        System.arraycopy(b, off, bytes, size, kept);
        size += kept;
    }

    /** Keeps the text, UTF-8 encoded, as far as it fits. */
    void write(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        write(encoded, 0, encoded.length);
    }

    /**
     * The whole lines kept since the last call, which from now on count as streamed.
     *
     * @return a LogLines frame, or null when no new line is complete or the log is closed
     */
    synchronized Frame.LogLines drainLines() {
        int end = size;
        // A line feed byte never occurs inside a multi-byte UTF-8 character, so this cuts at a character.
        while (end > sent && bytes[end - 1] != '\n') {
            end--;
        }
        if (closed || end == sent) {
            return null;
        }
        String text = new String(bytes, sent, end - sent, StandardCharsets.UTF_8);
        sent = end;
        return new Frame.LogLines(requestId, text);
    }

    /**
     * Stops capturing and releases the buffer.
     *
     * @return the call's Logs frame, ending with {@link #marker} when truncated; null when
     *     nothing was written, capture is off, or it was closed before
     */
    synchronized Frame.Logs close() {
        if (closed) {
            return null;
        }
        closed = true;
        byte[] kept = bytes;
        int length = truncated ? completeCharacters(kept, size) : size;
        bytes = NONE;
        if (length == 0 && !truncated) {
            return null;
        }
        String text = new String(kept, 0, length, StandardCharsets.UTF_8);
        if (truncated) {
            text = (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + marker(limit);
        }
        return new Frame.Logs(requestId, text, truncated);
    }

    /** The length of the longest prefix of bytes[0, size) that does not end inside a UTF-8 character. */
    static int completeCharacters(byte[] bytes, int size) {
        int start = size - 1;
        // Back over at most three continuation bytes (10xxxxxx) to the character's first byte.
        while (start > 0 && size - start < 4 && (bytes[start] & 0xC0) == 0x80) {
            start--;
        }
        if (start < 0) {
            return 0;
        }
        int lead = bytes[start] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + needed > size ? start : size;
    }
}
