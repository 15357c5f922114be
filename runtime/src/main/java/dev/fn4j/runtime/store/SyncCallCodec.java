package dev.fn4j.runtime.store;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a page of ended synchronous calls of one function: a format byte, the count, then
 * each call's id, revision, status, start and end (epoch milliseconds), cold start, result type,
 * error code and message, logs, method and path. Texts are a length (-1 for null) and UTF-8. The
 * function's name is the page's, not repeated per call.
 */
final class SyncCallCodec {

    private static final int FORMAT = 1;
    private static final byte NULL_BOOLEAN = 2;

    private SyncCallCodec() {}

    static byte[] encode(List<Invocation> calls) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + calls.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(calls.size());
            for (Invocation call : calls) {
                text(out, call.id());
                out.writeLong(call.revision());
                text(out, call.status().wire());
                out.writeLong(call.startedAt().toEpochMilli());
                out.writeLong(call.endedAt().toEpochMilli());
                out.writeByte(call.coldStart() == null ? NULL_BOOLEAN : call.coldStart() ? 1 : 0);
                text(out, call.resultType());
                text(out, call.errorCode());
                text(out, call.errorMessage());
                text(out, call.logs());
                text(out, call.method());
                text(out, call.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The page's calls in the order written; throws {@link IllegalArgumentException} on bytes it did not write. */
    static List<Invocation> decode(String function, byte[] page) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(page))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown sync call page format " + format);
            }
            int count = in.readInt();
            List<Invocation> calls = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = text(in);
                long revision = in.readLong();
                InvocationStatus status = InvocationStatus.parse(text(in));
                Instant started = Instant.ofEpochMilli(in.readLong());
                Instant ended = Instant.ofEpochMilli(in.readLong());
                byte cold = in.readByte();
                Outcome outcome = new Outcome(
                        status,
                        ended,
                        cold == NULL_BOOLEAN ? null : cold == 1,
                        null,
                        text(in),
                        text(in),
                        text(in),
                        text(in));
                calls.add(Invocation.sync(id, function, revision, started, outcome, text(in), text(in)));
            }
            return calls;
        } catch (IOException e) {
            throw new IllegalArgumentException("a sync call page of '" + function + "' is cut short", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
