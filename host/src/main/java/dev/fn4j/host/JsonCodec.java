package dev.fn4j.host;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The codec of every other type: JSON through the host's one {@link Json#MAPPER}. An empty body
 * decodes to {@code null}, or an empty Optional for an Optional input; an output is written by its
 * runtime class, and an empty Optional output is the empty body of a null one. Error messages are
 * those of {@link JsonProblems}.
 */
final class JsonCodec implements BodyCodec {

    static final String CONTENT_TYPE = "application/json";

    private final Type type;
    private final ObjectReader reader;
    /** What an empty body decodes to: null, or Optional.empty() for an Optional type. */
    private final Object empty;

    JsonCodec(Type type) {
        this.type = type;
        JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type);
        this.reader = Json.MAPPER.readerFor(javaType);
        this.empty = javaType.getRawClass() == Optional.class ? Optional.empty() : null;
    }

    @Override
    public Object decode(byte[] body) throws BodyException {
        if (body.length == 0) {
            return empty;
        }
        try {
            return reader.readValue(body);
        } catch (IOException | RuntimeException e) {
            throw new BodyException(
                    "the body is not JSON for " + type.getTypeName() + ": " + JsonProblems.reading(body, e));
        }
    }

    @Override
    public Encoded encode(Object value) throws BodyException {
        if (value == null || value instanceof Optional<?> optional && optional.isEmpty()) {
            return Encoded.EMPTY;
        }
        try {
            return new Encoded(CONTENT_TYPE, Json.MAPPER.writeValueAsBytes(value));
        } catch (IOException | RuntimeException e) {
            throw new BodyException(
                    "cannot write the output " + value.getClass().getName() + " as JSON: " + JsonProblems.writing(e));
        }
    }
}
