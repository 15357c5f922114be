package com.example;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

public class Hello implements Handler<String, String> {
    private static final String DATABASE = connect();

    private static String connect() {
        throw new IllegalStateException("no database configured");
    }

    @Override
    public String handle(String input, Context context) {
        return DATABASE + input;
    }
}
