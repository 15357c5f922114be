package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/**
 * Throws on command: "boom" an IllegalStateException, "npe" a message-less NullPointerException,
 * "deep" a StackOverflowError, "oom" an OutOfMemoryError, "internal" an InternalError,
 * "thread-oom" an OutOfMemoryError in a thread of its own; anything else answers "ok:" and the input.
 */
public final class Thrower implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) throws Exception {
        switch (input) {
            case "boom":
                throw new IllegalStateException("boom");
            case "npe":
                throw new NullPointerException();
            case "checked":
                throw new java.io.IOException("disk on fire");
            case "deep":
                return recurse(0);
            case "oom":
                throw new OutOfMemoryError("test heap");
            case "internal":
                throw new InternalError("test internal");
            case "thread-oom":
                Thread thread = new Thread(() -> {
                    throw new OutOfMemoryError("thread heap");
                });
                thread.start();
                thread.join();
                return "survived";
            default:
                return "ok:" + input;
        }
    }

    private static String recurse(int depth) {
        return recurse(depth + 1) + depth;
    }
}
