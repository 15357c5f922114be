package dev.fn4j.runtime.it.fns;

import com.github.luben.zstd.Zstd;
import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Compresses and decompresses its input with the real zstd-jni, whose native library unpacks into java.io.tmpdir. */
public final class ZstdRoundTrip implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) {
        byte[] original = input.repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = Zstd.compress(original);
        byte[] restored = Zstd.decompress(compressed, original.length);
        if (!Arrays.equals(original, restored)) {
            throw new IllegalStateException("zstd round trip changed the bytes");
        }
        return "zstd " + original.length + " -> " + compressed.length + " bytes";
    }
}
