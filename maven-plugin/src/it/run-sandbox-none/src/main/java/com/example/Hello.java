package com.example;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.time.LocalDate;

public class Hello implements Handler<Hello.Greeting, Hello.Reply> {
    public record Greeting(String name, LocalDate day) {}

    public record Reply(String message, LocalDate day) {}

    @Override
    public Reply handle(Greeting input, Context context) {
        context.logger().info("greeting " + input.name());
        return new Reply("Hello, " + input.name() + "!", input.day());
    }
}
