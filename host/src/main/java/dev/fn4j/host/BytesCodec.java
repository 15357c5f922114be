package dev.fn4j.host;

/** The codec of {@code byte[]}: the body's bytes, unchanged. */
final class BytesCodec implements BodyCodec {

    static final BytesCodec INSTANCE = new BytesCodec();
    static final String CONTENT_TYPE = "application/octet-stream";

    private BytesCodec() {}

    @Override
    public Object decode(byte[] body) {
        return body;
    }

    @Override
    public Encoded encode(Object value) throws BodyException {
        if (value == null) {
            return Encoded.EMPTY;
        }
        if (!(value instanceof byte[] bytes)) {
            throw new BodyException("the handler declares a byte[] output but returned a "
                    + value.getClass().getName());
        }
        return new Encoded(CONTENT_TYPE, bytes);
    }
}
