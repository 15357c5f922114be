package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Turns one call's LogLines frames and its final Logs frame into lines for a {@link LineSink},
 * checking the rules of docs/protocol.md: LogLines carry the call's request id, their texts add up
 * to at most the log limit, and the Logs text starts with all of them. The part of the Logs text
 * that was not streamed is handed over when it arrives, so the sink sees every line exactly once.
 */
final class LiveLines {

    private final String requestId;
    private final int limitBytes;
    private final LineSink sink;
    /** The texts of the LogLines so far, concatenated: a prefix of the Logs text to come. */
    private final StringBuilder streamed = new StringBuilder();
    /** UTF-8 bytes of {@link #streamed}; at most {@link #limitBytes}. */
    private long streamedBytes;

    LiveLines(String requestId, int limitBytes, LineSink sink) {
        this.requestId = requestId;
        this.limitBytes = limitBytes;
        this.sink = sink;
    }

    /** Takes a LogLines frame of the call. */
    void lines(Frame.LogLines lines) throws ProtocolException {
        check(lines.requestId(), "LogLines");
        streamedBytes += lines.text().getBytes(StandardCharsets.UTF_8).length;
        if (streamedBytes > limitBytes) {
            throw new ProtocolException("host streamed " + streamedBytes + " bytes of LogLines for call '" + requestId
                    + "', more than the log limit of " + limitBytes);
        }
        streamed.append(lines.text());
        emit(lines.text(), false);
    }

    /** Takes the call's Logs frame and hands over the lines that were not streamed. */
    void logs(Frame.Logs logs) throws ProtocolException {
        check(logs.requestId(), "Logs");
        if (!logs.text().startsWith(streamed.toString())) {
            throw new ProtocolException(
                    "host sent a Logs text for call '" + requestId + "' that does not start with its LogLines");
        }
        emit(logs.text().substring(streamed.length()), logs.truncated());
    }

    private void check(String id, String frame) throws ProtocolException {
        if (!id.equals(requestId)) {
            throw new ProtocolException(
                    "host sent " + frame + " for request '" + id + "' during call '" + requestId + "'");
        }
    }

    /** Hands the text's lines to the sink; when truncated, its last line is the host's marker. */
    private void emit(String text, boolean truncated) {
        if (text.isEmpty()) {
            return;
        }
        String[] lines = (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        int last = truncated ? lines.length - 1 : lines.length;
        try {
            for (int i = 0; i < last; i++) {
                sink.line(strip(lines[i]));
            }
            if (truncated) {
                sink.truncated(strip(lines[last]));
            }
        } catch (RuntimeException e) {
            // A sink must not throw; if one does, live output is lost, never the call.
        }
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
