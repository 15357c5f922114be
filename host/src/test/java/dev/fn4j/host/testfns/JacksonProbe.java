package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.Map;

/** Answers whether the function's class loader can see Jackson under its original package. */
public final class JacksonProbe implements Handler<Person, Map<String, Object>> {
    @Override
    public Map<String, Object> handle(Person person, Context context) {
        boolean visible;
        try {
            Class.forName(
                    "com.fasterxml.jackson.databind.ObjectMapper",
                    false,
                    Thread.currentThread().getContextClassLoader());
            visible = true;
        } catch (ClassNotFoundException e) {
            visible = false;
        }
        return Map.of("jacksonVisible", visible, "name", person.name());
    }
}
