package dev.fn4j.bench;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/**
 * The benchmarked function: answers with its input, so every measured microsecond is platform,
 * none is work. The same class runs in the echo image and in the in-process baseline.
 */
public final class Echo implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) {
        return input;
    }
}
