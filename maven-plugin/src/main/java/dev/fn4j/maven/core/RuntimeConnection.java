package dev.fn4j.maven.core;

import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.client.RuntimeUnreachableException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The runtime the goals talk to: its client, opened from the user's settings, and the API key it
 * sends; words the failures every call can have (unreachable, key refused) for the user.
 */
public final class RuntimeConnection {

    /** The runtime URL setting. */
    public static final Setting URL = Setting.parameter("url", "fn.url");

    private final RuntimeClient client;
    private final ApiKey apiKey;

    private RuntimeConnection(RuntimeClient client, ApiKey apiKey) {
        this.client = client;
        this.apiKey = apiKey;
    }

    /**
     * A connection to the runtime at {@code url}.
     *
     * @param apiKey the API key to send with every call
     * @throws FnFailureException when {@code url} is not an http(s) URL
     */
    public static RuntimeConnection open(String url, ApiKey apiKey) throws FnFailureException {
        String value = url == null ? "" : url.strip();
        try {
            return new RuntimeConnection(
                    RuntimeClient.builder(new URI(value)).apiKey(apiKey.value()).build(), apiKey);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FnFailureException(
                    URL.invalid(value, "not an http(s) URL", "use the runtime's address, e.g. http://localhost:8080"),
                    e);
        }
    }

    /** The client. */
    public RuntimeClient client() {
        return client;
    }

    /** The API key the client sends. */
    public ApiKey apiKey() {
        return apiKey;
    }

    /** The runtime's base URL as the user wrote it, without the trailing slash. */
    public String display() {
        String base = client.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The absolute URL of a path the runtime gave, such as {@code /fn/hello}. */
    public String absolute(String path) {
        if (path == null || path.isEmpty()) {
            return display();
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return display() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The runtime could not be reached: says where it was looked for and how to fix that. */
    public static FnExecutionException unreachable(RuntimeUnreachableException e) {
        return new FnExecutionException(
                "Cannot reach the fn4j runtime at " + e.uri() + " (fn.url): "
                        + e.reason() + ". Start it with java -jar fn4j-runtime.jar, or set <url> or -Dfn.url"
                        + " to where it runs.",
                e);
    }

    /**
     * Throws what every call's failure means, whatever the call: the runtime is unreachable, it
     * refused the key, or its answer could not be read. Returns the runtime's other errors, for the
     * caller to word.
     *
     * @param action what was tried, to follow "refused to", e.g. {@code list functions}
     */
    RuntimeApiException apiError(RuntimeClientException e, String action)
            throws FnFailureException, FnExecutionException {
        if (e instanceof RuntimeUnreachableException unreachable) {
            throw unreachable(unreachable);
        }
        if (e instanceof RuntimeApiException api) {
            if (isAuthFailure(api)) {
                throw authFailure(api, action);
            }
            return api;
        }
        throw new FnExecutionException(e.getMessage(), e);
    }

    /**
     * The failure for an error the runtime answered: the user's ({@link FnFailureException}) for
     * a {@code 4xx}, returned to be thrown, else the platform's, thrown here.
     *
     * @param message the whole message, naming what failed and the runtime's code and message
     * @throws FnExecutionException when the status says the runtime failed
     */
    static FnFailureException rejected(RuntimeApiException e, String message) throws FnExecutionException {
        if (e.status() >= 400 && e.status() < 500) {
            return new FnFailureException(message, e);
        }
        throw new FnExecutionException(message, e);
    }

    /** Whether the runtime refused the caller's credentials. */
    static boolean isAuthFailure(RuntimeApiException e) {
        return e.status() == 401 || e.status() == 403;
    }

    /**
     * The runtime refused the key ({@code 401}) or its scope ({@code 403}): says where the key
     * came from and where to set one.
     *
     * @param action what was refused, to follow "refused to", e.g. {@code list functions}
     */
    FnFailureException authFailure(RuntimeApiException e, String action) {
        String answer =
                "(" + e.code() + (e.errorMessage().isBlank() ? "" : ": " + apiKey.redact(e.errorMessage())) + ")";
        String message;
        if (e.status() == 401 && apiKey.isPresent()) {
            message = "The fn4j runtime at " + display() + " refused the API key from "
                    + apiKey.source() + " " + answer + ": set a valid key with "
                    + apiKey.whereToSet() + ".";
        } else if (e.status() == 401) {
            message = "The fn4j runtime at " + display() + " needs an API key, and none is set " + answer
                    + ": set one with " + apiKey.whereToSet() + ".";
        } else if (apiKey.isPresent()) {
            message = "The fn4j runtime at " + display() + " refused to " + action + " " + answer
                    + ": the key's scope does not allow it (the API key from " + apiKey.source()
                    + "). Use a key whose scope does, set with " + apiKey.whereToSet() + ".";
        } else {
            message = "The fn4j runtime at " + display() + " refused to " + action + " " + answer
                    + " without an API key: set a key whose scope allows it with "
                    + apiKey.whereToSet() + ".";
        }
        return new FnFailureException(message, e);
    }
}
