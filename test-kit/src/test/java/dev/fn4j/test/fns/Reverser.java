package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Bytes in, bytes out. */
public class Reverser implements Handler<byte[], byte[]> {

    @Override
    public byte[] handle(byte[] input, Context context) {
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = input[input.length - 1 - i];
        }
        return out;
    }
}
