package dev.fn4j.bench;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/**
 * The cold-start benchmark's function: a record in, a record out, so the first call pays for the
 * JSON mapping as a typical function's does.
 */
public final class ColdStartGreeter implements Handler<ColdStartGreeter.Name, ColdStartGreeter.Greeting> {

    /** The input, {@code {"name":"Ada"}}. */
    public record Name(String name) {}

    /** The output, {@code {"greeting":"Hello, Ada","length":3}}. */
    public record Greeting(String greeting, int length) {}

    @Override
    public Greeting handle(Name input, Context context) {
        return new Greeting("Hello, " + input.name(), input.name().length());
    }
}
