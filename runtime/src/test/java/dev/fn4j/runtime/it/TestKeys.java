package dev.fn4j.runtime.it;

import dev.fn4j.runtime.auth.KeyFormat;

/** The admin key every test runtime starts with ({@code FN4J_ADMIN_KEY}), new for each test JVM. */
final class TestKeys {

    static final String ADMIN = KeyFormat.generate();

    private TestKeys() {}

    static String bearer(String key) {
        return "Bearer " + key;
    }
}
