package dev.fn4j.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The first line a host writes on a network (TCP) connection, before any frame: {@code
 * FN4J-TOKEN/1 <instance-id> <token>\n} in ASCII, the token being {@link #TOKEN_BYTES} bytes in
 * lower-case hex. The runtime answers nothing: it routes the connection to the instance or closes
 * it (docs/protocol.md, "Network transport").
 */
public final class TokenPreamble {

    /** The bytes of a token; 64 hex digits on the wire. */
    public static final int TOKEN_BYTES = 32;

    /** The longest preamble, line feed included; a reader stops there. */
    public static final int MAX_BYTES = 128;

    static final String PREFIX = "FN4J-TOKEN/1 ";

    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9a-z-]{1,48}");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{" + 2 * TOKEN_BYTES + "}");
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The instance id and token a connection presented.
     *
     * @param instanceId matches {@code [0-9a-z-]{1,48}}
     * @param token exactly {@link #TOKEN_BYTES} bytes
     */
    public record Presented(String instanceId, byte[] token) {}

    private TokenPreamble() {}

    /** The preamble's bytes for this instance and its token (64 lower-case hex digits). */
    public static byte[] encode(String instanceId, String token) {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(token, "token");
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instance id must match " + INSTANCE_ID + ": '" + instanceId + "'");
        }
        if (!TOKEN.matcher(token).matches()) {
            // Never echo a token, even a malformed one.
            throw new IllegalArgumentException("token must be " + 2 * TOKEN_BYTES + " lower-case hex digits; it has "
                    + token.length() + " characters");
        }
        return (PREFIX + instanceId + " " + token + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads one preamble byte by byte, never past its line feed, so the frames after it stay in
     * the stream.
     *
     * @throws ProtocolException when the bytes are not a preamble or run past {@link #MAX_BYTES}
     */
    public static Presented read(InputStream in) throws IOException {
        byte[] line = new byte[MAX_BYTES];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("connection closed before the token line ended");
            }
            if (b == '\n') {
                break;
            }
            if (n == MAX_BYTES - 1) {
                throw new ProtocolException("token line longer than " + MAX_BYTES + " bytes");
            }
            line[n++] = (byte) b;
        }
        String text = new String(line, 0, n, StandardCharsets.US_ASCII);
        if (!text.startsWith(PREFIX)) {
            throw new ProtocolException("expected a line starting with '" + PREFIX.strip() + "'");
        }
        String[] parts = text.substring(PREFIX.length()).split(" ", -1);
        if (parts.length != 2
                || !INSTANCE_ID.matcher(parts[0]).matches()
                || !TOKEN.matcher(parts[1]).matches()) {
            throw new ProtocolException("malformed token line: expected '" + PREFIX + "<instance-id> <64 hex digits>'");
        }
        return new Presented(parts[0], HEX.parseHex(parts[1]));
    }
}
