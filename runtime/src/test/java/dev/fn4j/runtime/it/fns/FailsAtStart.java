package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Its static initializer throws, as a handler whose configuration is missing would. */
public final class FailsAtStart implements Handler<String, String> {

    private static final String DATABASE = connect();

    private static String connect() {
        throw new IllegalStateException("no database configured");
    }

    @Override
    public String handle(String input, Context context) {
        return DATABASE;
    }
}
