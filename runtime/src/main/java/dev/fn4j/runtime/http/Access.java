package dev.fn4j.runtime.http;

import dev.fn4j.runtime.auth.Scope;
import java.util.function.Predicate;

/** Who may call a route, and so what key, if any, a request to it must present. */
enum Access {
    /** Anyone, without a key: health and metrics. */
    OPEN(null),
    /** A key with scope {@code invoke} (or {@code admin}): calling functions, reading calls. */
    INVOKE(Scope.INVOKE),
    /** An admin key: everything else. */
    ADMIN(Scope.ADMIN),
    /**
     * A function's HTTP trigger: anyone when the function is public ({@code "public": true}),
     * otherwise as {@link #INVOKE}. Its errors carry no details (no stack traces), since the
     * function's own users see them.
     */
    TRIGGER(Scope.INVOKE);

    /** The scope a key must cover; null when none is needed. */
    private final Scope scope;

    Access(Scope scope) {
        this.scope = scope;
    }

    /**
     * The scope the request's key must cover, or null when it needs no key.
     *
     * @param relativePath the path below the route's prefix; for a trigger, {@code /<function>/…}
     * @param isPublicFunction whether the named function's trigger is open; must not block
     */
    Scope required(String relativePath, Predicate<String> isPublicFunction) {
        if (this == TRIGGER && isPublicFunction.test(triggeredFunction(relativePath))) {
            return null;
        }
        return scope;
    }

    /** Whether errors on routes of this access carry their details. */
    boolean detailedErrors() {
        return this != TRIGGER;
    }

    /** The function a trigger's relative path {@code /<function>/…} names; empty when none. */
    static String triggeredFunction(String relativePath) {
        if (relativePath.length() <= 1) {
            return "";
        }
        int slash = relativePath.indexOf('/', 1);
        return slash < 0 ? relativePath.substring(1) : relativePath.substring(1, slash);
    }
}
