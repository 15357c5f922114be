package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** A raw Handler: its input and output map to JSON values (Map, List, String, Number...). */
@SuppressWarnings("rawtypes")
public final class RawHandler implements Handler {
    @Override
    public Object handle(Object input, Context context) {
        return input == null ? "null input" : input.getClass().getName();
    }
}
