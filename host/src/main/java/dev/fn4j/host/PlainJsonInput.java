package dev.fn4j.host;

import java.nio.charset.StandardCharsets;

/**
 * The tokens of a UTF-8 JSON body in their strict, canonical form only, for {@link PlainReader}:
 * anything Jackson might read otherwise or refuse (an unescaped control character, bad UTF-8, a
 * leading zero, a number or name past Jackson's limits, deep nesting) is {@link
 * PlainShape.NotPlain}, so that Jackson reads it instead.
 */
final class PlainJsonInput {

    /** Deeper bodies go to Jackson, which has its own nesting limit and message. */
    private static final int MAX_DEPTH = 200;
    /** Longer number tokens go to Jackson, which limits their length. */
    private static final int MAX_NUMBER = 100;
    /** Longer property names go to Jackson, which limits their length. */
    private static final int MAX_NAME = 1000;

    private static final PlainShape.NotPlain NOT_PLAIN = PlainShape.NotPlain.INSTANCE;

    /** The body; read only. */
    final byte[] in;
    /** The index of the next unread byte. */
    int pos;

    private int depth;

    PlainJsonInput(byte[] in) {
        this.in = in;
    }

    /** Skips JSON whitespace and returns the next byte without consuming it; -1 at the end. */
    int peek() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes the next non-whitespace byte, which must be {@code expected}. */
    void expect(char expected) throws PlainShape.NotPlain {
        if (peek() != expected) {
            throw NOT_PLAIN;
        }
        pos++;
    }

    /** Consumes {@code expected} when it is the next non-whitespace byte. */
    boolean consume(char expected) {
        if (peek() == expected) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the literal true, false or null whose first byte is next. */
    void literal(String word) throws PlainShape.NotPlain {
        if (pos + word.length() > in.length) {
            throw NOT_PLAIN;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw NOT_PLAIN;
            }
        }
        pos += word.length();
    }

    void enter() throws PlainShape.NotPlain {
        if (++depth > MAX_DEPTH) {
            throw NOT_PLAIN;
        }
    }

    void leave() {
        depth--;
    }

    /** A property name, followed by its colon. */
    String name() throws PlainShape.NotPlain {
        String name = string();
        if (name.length() > MAX_NAME) {
            throw NOT_PLAIN;
        }
        expect(':');
        return name;
    }

    /** A string token, the opening quote next. */
    String string() throws PlainShape.NotPlain {
        expect('"');
        return PlainJsonStrings.rest(this);
    }

    /**
     * A number token in JSON's grammar, as its text; {@code whole} says it must have neither
     * fraction nor exponent.
     */
    String number(boolean whole) throws PlainShape.NotPlain {
        peek();
        int start = pos;
        if (pos < in.length && in[pos] == '-') {
            pos++;
        }
        if (pos < in.length && in[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            throw NOT_PLAIN;
        }
        boolean fraction = pos < in.length && in[pos] == '.';
        if (fraction) {
            pos++;
            if (digits() == 0) {
                throw NOT_PLAIN;
            }
        }
        boolean exponent = pos < in.length && (in[pos] == 'e' || in[pos] == 'E');
        if (exponent) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw NOT_PLAIN;
            }
        }
        if ((whole && (fraction || exponent)) || pos - start > MAX_NUMBER) {
            throw NOT_PLAIN;
        }
        return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    private int digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    /** Skips any JSON value: a property the type does not have. */
    void skipValue() throws PlainShape.NotPlain {
        int next = peek();
        switch (next) {
            case '{' -> {
                pos++;
                enter();
                if (!consume('}')) {
                    do {
                        name();
                        skipValue();
                    } while (consume(','));
                    expect('}');
                }
                leave();
            }
            case '[' -> {
                pos++;
                enter();
                if (!consume(']')) {
                    do {
                        skipValue();
                    } while (consume(','));
                    expect(']');
                }
                leave();
            }
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number(false);
        }
    }
}
