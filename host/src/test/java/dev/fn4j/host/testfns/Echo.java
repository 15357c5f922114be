package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** String in, String out: returns the input, or null for the input "null". */
public final class Echo implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) {
        return input.equals("null") ? null : input;
    }
}
