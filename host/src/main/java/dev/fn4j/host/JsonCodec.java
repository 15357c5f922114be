package dev.fn4j.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The codec of every other type: JSON through the host's one {@link Json#MAPPER}. An empty body
 * decodes to {@code null}; an output is written by its runtime class.
 */
final class JsonCodec implements BodyCodec {

    static final String CONTENT_TYPE = "application/json";

    private final Type type;
    private final ObjectReader reader;

    JsonCodec(Type type) {
        this.type = type;
        this.reader = Json.MAPPER.readerFor(Json.MAPPER.getTypeFactory().constructType(type));
    }

    @Override
    public Object decode(byte[] body) throws BodyException {
        if (body.length == 0) {
            return null;
        }
        try {
            return reader.readValue(body);
        } catch (IOException | RuntimeException e) {
            throw new BodyException("the body is not JSON for " + type.getTypeName() + ": "
                    + reason(e));
        }
    }

    @Override
    public Encoded encode(Object value) throws BodyException {
        if (value == null) {
            return Encoded.EMPTY;
        }
        try {
            return new Encoded(CONTENT_TYPE, Json.MAPPER.writeValueAsBytes(value));
        } catch (IOException | RuntimeException e) {
            throw new BodyException("cannot write the output " + value.getClass().getName()
                    + " as JSON: " + reason(e));
        }
    }

    /** Jackson's message without its source excerpt, with the JSON path of the bad value. */
    private static String reason(Exception e) {
        if (!(e instanceof JsonProcessingException processing)) {
            return e.toString();
        }
        String message = processing.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return message + " (at " + path(mapping.getPath()) + ")";
        }
        if (processing.getLocation() != null && processing.getLocation().getLineNr() > 0) {
            return message + " (at line " + processing.getLocation().getLineNr() + ", column "
                    + processing.getLocation().getColumnNr() + ")";
        }
        return message;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
