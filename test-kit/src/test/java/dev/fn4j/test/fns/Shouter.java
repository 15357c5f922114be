package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.Locale;

/** Text in, text out. */
public class Shouter implements Handler<String, String> {

    @Override
    public String handle(String text, Context context) {
        return text.toUpperCase(Locale.ROOT);
    }
}
