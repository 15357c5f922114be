package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Kills its own JVM with exit code 13 when asked to, the way a native crash would. */
public final class Crasher implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) {
        if (input.contains("crash")) {
            Runtime.getRuntime().halt(13);
        }
        return "alive";
    }
}
