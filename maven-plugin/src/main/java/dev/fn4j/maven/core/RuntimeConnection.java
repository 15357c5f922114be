package dev.fn4j.maven.core;

import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeUnreachableException;
import java.net.URI;
import java.net.URISyntaxException;

/** Opens the runtime client from the user's settings and words its failures for the user. */
public final class RuntimeConnection {

    /** The runtime URL setting. */
    public static final Setting URL = Setting.parameter("url", "fn.url");

    private RuntimeConnection() {}

    /**
     * A client for the runtime at {@code url}.
     *
     * @param apiKey the API key from settings.xml, or null
     * @throws FnFailureException when {@code url} is not an http(s) URL
     */
    public static RuntimeClient open(String url, String apiKey) throws FnFailureException {
        String value = url == null ? "" : url.strip();
        try {
            return RuntimeClient.builder(new URI(value)).apiKey(apiKey).build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FnFailureException(URL.invalid(value, "not an http(s) URL",
                    "use the runtime's address, e.g. http://localhost:8080"), e);
        }
    }

    /** The runtime could not be reached: says where it was looked for and how to fix that. */
    public static FnExecutionException unreachable(RuntimeUnreachableException e) {
        return new FnExecutionException("Cannot reach the fn4j runtime at " + e.uri() + " (fn.url): "
                + e.reason() + ". Start it with java -jar fn4j-runtime.jar, or set <url> or -Dfn.url"
                + " to where it runs.", e);
    }

    /** Whether the runtime refused the caller's credentials. */
    static boolean isAuthFailure(RuntimeApiException e) {
        return e.status() == 401 || e.status() == 403;
    }

    /** The runtime refused the call's credentials: says where the key comes from. */
    static FnFailureException authFailure(RuntimeClient client, RuntimeApiException e) {
        return new FnFailureException("The fn4j runtime at " + display(client) + " refused the call: "
                + e.code() + ": " + e.errorMessage() + ". Put its API key in settings.xml as the"
                + " <password> of the <server> whose <id> is <serverId> (-Dfn.serverId, default fn4j).", e);
    }

    /** The runtime's base URL as the user wrote it, without the trailing slash. */
    static String display(RuntimeClient client) {
        String base = client.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
