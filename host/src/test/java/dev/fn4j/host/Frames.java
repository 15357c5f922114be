package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Test helpers: Invoke frames, call logs, and a Contexts whose stderr goes to a buffer. */
final class Frames {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Frames() {}

    static Frame.Invoke invoke(String requestId, String body, Frame.Header... headers) {
        return new Frame.Invoke(
                requestId, NOW.toEpochMilli() + 30_000, List.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    static Frame.Header header(String name, String value) {
        return new Frame.Header(name, value);
    }

    /** A call log with the default limit. */
    static CapturedLog log() {
        return new CapturedLog("r", dev.fn4j.protocol.Protocol.DEFAULT_LOG_LIMIT_BYTES);
    }

    static Contexts contexts(ByteArrayOutputStream log) {
        return new Contexts("fn", Map.of("GREETING", "hi"), new PrintStream(log, true, StandardCharsets.UTF_8), CLOCK);
    }

    static Contexts contexts() {
        return contexts(new ByteArrayOutputStream());
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
