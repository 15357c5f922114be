package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Greets by name; a record in, a record out. */
public final class Greeter implements Handler<Greeter.Greeting, Greeter.Reply> {

    public record Greeting(String name) {}

    public record Reply(String message, String requestId, String greeting) {}

    @Override
    public Reply handle(Greeting input, Context context) {
        String name = input == null || input.name() == null ? "world" : input.name();
        String greeting = context.config().getOrDefault("GREETING", "Hello");
        context.logger().info("greeting " + name);
        return new Reply(greeting + ", " + name + "!", context.requestId(), greeting);
    }
}
