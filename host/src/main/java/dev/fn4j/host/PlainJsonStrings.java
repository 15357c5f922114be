package dev.fn4j.host;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON string token for {@link PlainJsonInput}: well-formed UTF-8 and JSON's escapes only;
 * an unescaped control character, an unknown escape or bad UTF-8 is {@link PlainShape.NotPlain}.
 */
final class PlainJsonStrings {

    private static final PlainShape.NotPlain NOT_PLAIN = PlainShape.NotPlain.INSTANCE;

    private final byte[] in;
    /** The index of the next unread byte. */
    private int pos;

    private PlainJsonStrings(byte[] in, int pos) {
        this.in = in;
        this.pos = pos;
    }

    /** The rest of a string token, its opening quote read; moves the input past the closing quote. */
    static String rest(PlainJsonInput input) throws PlainShape.NotPlain {
        PlainJsonStrings strings = new PlainJsonStrings(input.in, input.pos);
        String text = strings.read();
        input.pos = strings.pos;
        return text;
    }

    private String read() throws PlainShape.NotPlain {
        int start = pos;
        boolean ascii = true;
        while (pos < in.length) {
            int b = in[pos];
            if (b == '"') {
                String text =
                        ascii ? new String(in, start, pos - start, StandardCharsets.ISO_8859_1) : utf8(start, pos);
                pos++;
                return text;
            }
            if (b == '\\') {
                return escaped(start);
            }
            if (b >= 0 && b < 0x20) {
                throw NOT_PLAIN;
            }
            ascii &= b >= 0;
            pos++;
        }
        throw NOT_PLAIN;
    }

    /** The rest of a string that has escapes; {@code pos} is at the first backslash. */
    private String escaped(int start) throws PlainShape.NotPlain {
        StringBuilder text = new StringBuilder(utf8(start, pos));
        int run = pos;
        while (pos < in.length) {
            int b = in[pos];
            if (b == '"' || b == '\\') {
                text.append(utf8(run, pos));
                pos++;
                if (b == '"') {
                    return text.toString();
                }
                text.append(escape());
                run = pos;
            } else if (b >= 0 && b < 0x20) {
                throw NOT_PLAIN;
            } else {
                pos++;
            }
        }
        throw NOT_PLAIN;
    }

    private char escape() throws PlainShape.NotPlain {
        if (pos >= in.length) {
            throw NOT_PLAIN;
        }
        byte b = in[pos++];
        switch (b) {
            case '"', '\\', '/':
                return (char) b;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > in.length) {
                    throw NOT_PLAIN;
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(in[pos++], 16);
                    if (digit < 0) {
                        throw NOT_PLAIN;
                    }
                    code = code * 16 + digit;
                }
                return (char) code;
            default:
                throw NOT_PLAIN;
        }
    }

    /** Well-formed UTF-8 only: Jackson reports malformed bytes its own way. */
    private String utf8(int from, int to) throws PlainShape.NotPlain {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(in, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw NOT_PLAIN;
        }
    }
}
