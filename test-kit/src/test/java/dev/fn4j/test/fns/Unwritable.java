package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** An output the JSON mapping cannot write: its getter throws. */
public class Unwritable implements Handler<String, Unwritable.Broken> {

    public static final class Broken {
        public String getValue() {
            throw new IllegalStateException("no value yet");
        }
    }

    @Override
    public Broken handle(String input, Context context) {
        return new Broken();
    }
}
