package dev.fn4j.host;

import java.lang.reflect.Type;

/**
 * The codec of a plain record ({@link PlainShapes}): JSON without Jackson for the bodies and values
 * whose mapping is certain, and {@link JsonCodec} for the rest, so that every value and every
 * error message is exactly Jackson's. A handler whose bodies all take the plain path never loads
 * Jackson, which saves its set-up (a few hundred milliseconds in the interpreter) at cold start.
 */
final class PlainCodec implements BodyCodec {

    /** Larger bodies go to Jackson, which limits the length of a string its own way. */
    private static final int MAX_BODY = 10_000_000;

    private final Type type;
    private final PlainShape.RecordShape shape;
    /** Jackson's codec for the same type, made on the first body or value the plain path refuses. */
    private volatile BodyCodec jackson;

    PlainCodec(Type type, PlainShape.RecordShape shape) {
        this.type = type;
        this.shape = shape;
    }

    @Override
    public Object decode(byte[] body) throws BodyException {
        if (body.length == 0) {
            return null;
        }
        if (body.length <= MAX_BODY) {
            try {
                return PlainReader.read(body, shape);
            } catch (PlainShape.NotPlain notPlain) {
                // Jackson's value or Jackson's error, as if the plain path did not exist.
            }
        }
        return jackson().decode(body);
    }

    @Override
    public Encoded encode(Object value) throws BodyException {
        if (value == null) {
            return Encoded.EMPTY;
        }
        if (value.getClass() == shape.type) {
            try {
                return new Encoded(JsonCodec.CONTENT_TYPE, PlainWriter.write(value, shape));
            } catch (PlainShape.NotPlain notPlain) {
                // Jackson's bytes or Jackson's error.
            }
        }
        return jackson().encode(value);
    }

    /** Jackson's codec of the type, made once. */
    BodyCodec jackson() {
        BodyCodec codec = jackson;
        if (codec == null) {
            synchronized (this) {
                codec = jackson;
                if (codec == null) {
                    codec = new JsonCodec(type);
                    jackson = codec;
                }
            }
        }
        return codec;
    }
}
