package dev.fn4j.host;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a plain record as the bytes Jackson (2.18) writes with {@link Json#MAPPER}: components in
 * order, no whitespace, strings with {@code "}, the backslash and control characters escaped (the
 * short forms of backspace, tab, newline, form feed and return, else a six-character escape with
 * upper-case hex digits), each surrogate escaped the same way, everything else as UTF-8, doubles
 * and floats as {@code Double.toString} and non-finite ones as strings, enums by name. A value it
 * cannot write exactly so (an accessor that throws, a list of another implementation than the
 * JDK's, a value of an unexpected class, deep nesting) is {@link PlainShape.NotPlain}: Jackson
 * writes it.
 */
final class PlainWriter {

    private static final PlainShape.NotPlain NOT_PLAIN = PlainShape.NotPlain.INSTANCE;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Deeper values go to Jackson, which has its own nesting limit and message. */
    private static final int MAX_DEPTH = 200;

    private byte[] out = new byte[256];
    /** The number of bytes written to {@code out}. */
    private int size;

    private int depth;

    private PlainWriter() {}

    /** The JSON of a record of the shape's class. */
    static byte[] write(Object record, PlainShape.RecordShape shape) throws PlainShape.NotPlain {
        PlainWriter writer = new PlainWriter();
        writer.record(record, shape);
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void value(Object value, PlainShape shape) throws PlainShape.NotPlain {
        if (++depth > MAX_DEPTH) {
            throw NOT_PLAIN;
        }
        if (value == null) {
            ascii("null");
        } else if (shape instanceof PlainShape.Scalar scalar) {
            scalar(value, scalar.type());
        } else if (shape instanceof PlainShape.EnumShape enumShape
                && enumShape.type().isInstance(value)) {
            string(((Enum<?>) value).name());
        } else if (shape instanceof PlainShape.ListShape list
                && value instanceof List<?> values
                && value.getClass().getName().startsWith("java.util.")) {
            list(values, list.element());
        } else if (shape instanceof PlainShape.RecordShape record) {
            record(value, record);
        } else {
            throw NOT_PLAIN;
        }
        depth--;
    }

    private void record(Object value, PlainShape.RecordShape shape) throws PlainShape.NotPlain {
        if (value.getClass() != shape.type) {
            throw NOT_PLAIN;
        }
        put((byte) '{');
        for (int i = 0; i < shape.names.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            string(shape.names[i]);
            put((byte) ':');
            Object component;
            try {
                component = shape.accessors[i].invoke(value);
            } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
                // Jackson calls the accessor again and words its failure.
                throw NOT_PLAIN;
            }
            value(component, shape.components[i]);
        }
        put((byte) '}');
    }

    private void list(List<?> values, PlainShape element) throws PlainShape.NotPlain {
        put((byte) '[');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            value(value, element);
        }
        put((byte) ']');
    }

    private void scalar(Object value, Class<?> type) throws PlainShape.NotPlain {
        if (value instanceof String text && type == String.class) {
            string(text);
        } else if (value instanceof Double number && (type == double.class || type == Double.class)) {
            finite(Double.toString(number), Double.isFinite(number));
        } else if (value instanceof Float number && (type == float.class || type == Float.class)) {
            finite(Float.toString(number), Float.isFinite(number));
        } else if (value instanceof Character c && (type == char.class || type == Character.class)) {
            string(String.valueOf(c));
        } else if ((value instanceof Integer && (type == int.class || type == Integer.class))
                || (value instanceof Long && (type == long.class || type == Long.class))
                || (value instanceof Short && (type == short.class || type == Short.class))
                || (value instanceof Byte && (type == byte.class || type == Byte.class))
                || (value instanceof Boolean && (type == boolean.class || type == Boolean.class))) {
            ascii(value.toString());
        } else {
            throw NOT_PLAIN;
        }
    }

    /** A number as its text, or as a string when it is NaN or infinite, as Jackson writes those. */
    private void finite(String text, boolean finite) {
        if (finite) {
            ascii(text);
        } else {
            put((byte) '"');
            ascii(text);
            put((byte) '"');
        }
    }

    private void string(String text) throws PlainShape.NotPlain {
        put((byte) '"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                put((byte) '\\');
                put((byte) c);
            } else if (c < 0x20) {
                control(c);
            } else if (c < 0x80) {
                put((byte) c);
            } else if (!Character.isSurrogate(c)) {
                utf8(c);
            } else {
                // Jackson 2.18 writes each half of a pair, and a lone half, as an escape.
                escape(c);
            }
        }
        put((byte) '"');
    }

    private void control(char c) {
        put((byte) '\\');
        switch (c) {
            case '\b' -> put((byte) 'b');
            case '\t' -> put((byte) 't');
            case '\n' -> put((byte) 'n');
            case '\f' -> put((byte) 'f');
            case '\r' -> put((byte) 'r');
            default -> hex(c);
        }
    }

    private void escape(char c) {
        put((byte) '\\');
        hex(c);
    }

    /** The u and four upper-case hex digits of an escape. */
    private void hex(char c) {
        put((byte) 'u');
        for (int shift = 12; shift >= 0; shift -= 4) {
            put(HEX[c >> shift & 0xF]);
        }
    }

    /** A char of the Basic Multilingual Plane that is not a surrogate, as UTF-8. */
    private void utf8(char c) {
        if (c < 0x800) {
            put((byte) (0xC0 | c >> 6));
        } else {
            put((byte) (0xE0 | c >> 12));
            put((byte) (0x80 | (c >> 6 & 0x3F)));
        }
        put((byte) (0x80 | (c & 0x3F)));
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    private void put(byte b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = b;
    }
}
