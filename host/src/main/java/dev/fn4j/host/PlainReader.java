package dev.fn4j.host;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object into a plain record as Jackson would with {@link Json#MAPPER}, for the
 * bodies where that is certain: each value in its canonical JSON form for its component (a string
 * for a String or an enum's name, a whole number in range for an integer type, true or false, an
 * array for a list, an object for a record, null), unknown properties skipped, a missing or null
 * component null, or 0 and false for a primitive. Everything else, a record constructor that
 * throws included, is {@link PlainShape.NotPlain}: Jackson reads it, and gives its own value or
 * error.
 */
final class PlainReader {

    private static final PlainShape.NotPlain NOT_PLAIN = PlainShape.NotPlain.INSTANCE;

    private final PlainJsonInput input;

    private PlainReader(PlainJsonInput input) {
        this.input = input;
    }

    /** The record a whole body holds. */
    static Object read(byte[] body, PlainShape.RecordShape shape) throws PlainShape.NotPlain {
        PlainJsonInput input = new PlainJsonInput(body);
        if (input.peek() != '{') {
            throw NOT_PLAIN;
        }
        Object value = new PlainReader(input).record(shape);
        if (input.peek() != -1) {
            throw NOT_PLAIN;
        }
        return value;
    }

    private Object value(PlainShape shape) throws PlainShape.NotPlain {
        int next = input.peek();
        if (next == 'n') {
            input.literal("null");
            return absent(shape);
        }
        if (shape instanceof PlainShape.Scalar scalar) {
            return scalar(scalar.type(), next);
        }
        if (shape instanceof PlainShape.EnumShape enumShape && next == '"') {
            Object constant = enumShape.byName().get(input.string());
            if (constant == null) {
                throw NOT_PLAIN;
            }
            return constant;
        }
        if (shape instanceof PlainShape.ListShape list && next == '[') {
            return list(list.element());
        }
        if (shape instanceof PlainShape.RecordShape record && next == '{') {
            return record(record);
        }
        throw NOT_PLAIN;
    }

    private Object record(PlainShape.RecordShape shape) throws PlainShape.NotPlain {
        input.expect('{');
        input.enter();
        Object[] arguments = new Object[shape.names.length];
        boolean[] seen = new boolean[arguments.length];
        if (!input.consume('}')) {
            do {
                int index = shape.indexOf(input.name());
                if (index < 0) {
                    input.skipValue();
                } else if (seen[index]) {
                    // Which of two values Jackson keeps is Jackson's to say.
                    throw NOT_PLAIN;
                } else {
                    seen[index] = true;
                    arguments[index] = value(shape.components[index]);
                }
            } while (input.consume(','));
            input.expect('}');
        }
        input.leave();
        for (int i = 0; i < arguments.length; i++) {
            if (!seen[i]) {
                arguments[i] = absent(shape.components[i]);
            }
        }
        try {
            return shape.constructor.newInstance(arguments);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException | RuntimeException e) {
            // Jackson calls the constructor again and words its failure.
            throw NOT_PLAIN;
        }
    }

    private List<Object> list(PlainShape element) throws PlainShape.NotPlain {
        input.expect('[');
        input.enter();
        List<Object> values = new ArrayList<>();
        if (!input.consume(']')) {
            do {
                values.add(value(element));
            } while (input.consume(','));
            input.expect(']');
        }
        input.leave();
        return values;
    }

    private Object scalar(Class<?> type, int next) throws PlainShape.NotPlain {
        if (type == String.class && next == '"') {
            return input.string();
        }
        if ((type == boolean.class || type == Boolean.class) && (next == 't' || next == 'f')) {
            input.literal(next == 't' ? "true" : "false");
            return next == 't';
        }
        if ((type == char.class || type == Character.class) && next == '"') {
            String text = input.string();
            if (text.length() != 1) {
                throw NOT_PLAIN;
            }
            return text.charAt(0);
        }
        if (next != '-' && (next < '0' || next > '9')) {
            throw NOT_PLAIN;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return floating(type, input.number(false));
        }
        long whole = whole(input.number(true));
        if ((type == int.class || type == Integer.class) && whole == (int) whole) {
            return (int) whole;
        }
        if (type == long.class || type == Long.class) {
            return whole;
        }
        if ((type == short.class || type == Short.class) && whole == (short) whole) {
            return (short) whole;
        }
        if ((type == byte.class || type == Byte.class) && whole == (byte) whole) {
            return (byte) whole;
        }
        throw NOT_PLAIN;
    }

    /** A double or float; a whole number converts from its long value, as Jackson converts it. */
    private static Object floating(Class<?> type, String text) throws PlainShape.NotPlain {
        boolean wholeNumber = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (type == double.class || type == Double.class) {
            double value = wholeNumber ? (double) whole(text) : Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw NOT_PLAIN;
            }
            return value;
        }
        float value = wholeNumber ? (float) whole(text) : Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            throw NOT_PLAIN;
        }
        return value;
    }

    private static long whole(String text) throws PlainShape.NotPlain {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException outOfRange) {
            throw NOT_PLAIN;
        }
    }

    /** What a missing or null value is: Jackson's default of a primitive, else null. */
    private static Object absent(PlainShape shape) {
        if (!(shape instanceof PlainShape.Scalar scalar) || !scalar.type().isPrimitive()) {
            return null;
        }
        Class<?> type = scalar.type();
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return type == byte.class ? (Object) (byte) 0 : (Object) 0;
    }
}
