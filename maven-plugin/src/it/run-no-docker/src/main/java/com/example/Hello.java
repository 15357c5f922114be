package com.example;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

public class Hello implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) {
        context.logger().info("greeting " + input);
        return "Hello, " + input + "!";
    }
}
