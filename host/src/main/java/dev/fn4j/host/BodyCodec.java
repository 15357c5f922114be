package dev.fn4j.host;

import java.lang.reflect.Type;

/**
 * Maps call bodies to a handler's input type and its output back to bytes: {@code String} as
 * UTF-8 text, {@code byte[]} unchanged, anything else as JSON, a plain record without Jackson
 * where that maps the same. Implementations are thread-safe.
 */
sealed interface BodyCodec permits TextCodec, BytesCodec, JsonCodec, PlainCodec {

    /** The codec for a declared input or output type. */
    static BodyCodec forType(Type type) {
        if (type == String.class) {
            return TextCodec.INSTANCE;
        }
        if (type == byte[].class) {
            return BytesCodec.INSTANCE;
        }
        PlainShape.RecordShape plain = PlainShapes.of(type);
        return plain != null ? new PlainCodec(type, plain) : new JsonCodec(type);
    }

    /**
     * Decodes a call body into the declared type.
     *
     * @throws BodyException when the body is not a valid value of the type
     */
    Object decode(byte[] body) throws BodyException;

    /**
     * Encodes an output; {@code null} becomes an empty body without a content type.
     *
     * @throws BodyException when the value cannot be encoded
     */
    Encoded encode(Object value) throws BodyException;

    /**
     * An encoded output.
     *
     * @param contentType the body's media type; {@code null} for the empty body of a null output
     * @param body the bytes
     */
    record Encoded(String contentType, byte[] body) {
        static final Encoded EMPTY = new Encoded(null, new byte[0]);
    }

    /** A body could not be decoded or an output encoded; the message says why, for the caller. */
    final class BodyException extends Exception {
        private static final long serialVersionUID = 1L;

        BodyException(String message) {
            super(message);
        }
    }
}
