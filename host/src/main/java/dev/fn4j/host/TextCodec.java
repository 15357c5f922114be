package dev.fn4j.host;

import java.nio.charset.StandardCharsets;

/** The codec of {@code String}: the body is UTF-8 text, decoded and encoded unchanged. */
final class TextCodec implements BodyCodec {

    static final TextCodec INSTANCE = new TextCodec();
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private TextCodec() {}

    @Override
    public Object decode(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public Encoded encode(Object value) throws BodyException {
        if (value == null) {
            return Encoded.EMPTY;
        }
        if (!(value instanceof String text)) {
            throw new BodyException("the handler declares a String output but returned a "
                    + value.getClass().getName());
        }
        return new Encoded(CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }
}
