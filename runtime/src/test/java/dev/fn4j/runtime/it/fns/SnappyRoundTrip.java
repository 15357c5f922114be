package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xerial.snappy.Snappy;

/** Compresses and decompresses its input with the real snappy-java, whose native library unpacks into java.io.tmpdir. */
public final class SnappyRoundTrip implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) throws IOException {
        byte[] original = input.repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = Snappy.compress(original);
        if (!Arrays.equals(original, Snappy.uncompress(compressed))) {
            throw new IllegalStateException("snappy round trip changed the bytes");
        }
        return "snappy " + original.length + " -> " + compressed.length + " bytes";
    }
}
