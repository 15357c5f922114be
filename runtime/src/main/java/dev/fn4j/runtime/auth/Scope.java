package dev.fn4j.runtime.auth;

import java.util.Locale;

/** What a key may do: {@code admin} everything, {@code invoke} only call functions and read calls. */
public enum Scope {
    ADMIN,
    INVOKE;

    /** Whether a key of this scope may do what {@code required} allows. */
    public boolean covers(Scope required) {
        return this == ADMIN || this == required;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin} or {@code invoke}; null for anything else. */
    public static Scope parse(String text) {
        for (Scope scope : values()) {
            if (scope.wireName().equals(text)) {
                return scope;
            }
        }
        return null;
    }
}
