package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Throws when asked to, otherwise answers "fine": a function error must not kill the instance. */
public final class Thrower implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) {
        if (input.contains("boom")) {
            throw new IllegalStateException("boom: " + input.strip());
        }
        return "fine";
    }
}
