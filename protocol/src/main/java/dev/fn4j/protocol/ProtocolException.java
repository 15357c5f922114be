package dev.fn4j.protocol;

import java.io.IOException;

/** A peer sent bytes that are not a valid frame of a protocol version this side speaks. */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
