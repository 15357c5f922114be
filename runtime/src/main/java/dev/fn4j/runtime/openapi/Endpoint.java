package dev.fn4j.runtime.openapi;

import java.util.Objects;

/**
 * One route of the API as the description needs it: its method ({@code *} for every method), its
 * path template ({@code /*} at the end for a prefix), who may call it and its one-line summary.
 *
 * @param guard who may call it, as the route table says
 */
public record Endpoint(String method, String path, Guard guard, String summary) {

    /** Who may call a route, and so what the document's security requirement says. */
    public enum Guard {
        /** Anyone, without a key. */
        OPEN,
        /** A key with scope {@code invoke} or {@code admin}. */
        INVOKE,
        /** A key with scope {@code admin}. */
        ADMIN,
        /** An HTTP trigger: anyone when the function is public, else as {@link #INVOKE}. */
        TRIGGER
    }

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(summary, "summary");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("an endpoint's path starts with '/': " + path);
        }
    }

    /** The key its documentation has in the catalogue, such as {@code GET /v1/functions/{name}}. */
    public String key() {
        return method + " " + path;
    }
}
