package dev.fn4j.maven.core;

import dev.fn4j.spec.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One function's settings as the user wrote them, unchecked; null means "not set".
 *
 * @param name the function's name
 * @param handler the handler's class name
 * @param env the function's configuration; null values count as empty strings
 * @param settings the other settings' text forms keyed by {@link Field#name()}, for example
 *     {@code timeout=30s}; only non-blank values, stripped
 */
public record FunctionOptions(String name, String handler, Map<String, String> env, Map<String, String> settings) {

    /** Options with nothing set. */
    public static FunctionOptions empty() {
        return new FunctionOptions(null, null, null, Map.of());
    }

    /** Blank strings count as not set, the way Maven leaves an empty element. */
    public FunctionOptions {
        name = blankToNull(name);
        handler = blankToNull(handler);
        Map<String, String> set = new LinkedHashMap<>();
        settings.forEach((field, value) -> {
            if (blankToNull(value) != null) {
                set.put(field, blankToNull(value));
            }
        });
        settings = Map.copyOf(set);
    }

    /** These options with {@code field} written as {@code text}; null or blank leaves it unset. */
    public FunctionOptions with(Field<?> field, String text) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        if (text != null) {
            more.put(field.name(), text);
        }
        return new FunctionOptions(name, handler, env, more);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
