package dev.fn4j.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RuntimeClient} reaches the runtime: requests against its base URI carrying the API
 * key, sent with one {@link HttpClient}, and transport failures translated into the client's
 * exceptions.
 */
final class Transport {

    private static final String ACCEPT = "application/json, */*";

    /** Absolute http(s) URI with a host, always ending with {@code /}, so paths resolve below it. */
    private final URI baseUri;
    /** Null when calls go without a key. */
    private final String apiKey;

    private final Duration requestTimeout;
    private final HttpClient http;

    Transport(URI baseUri, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.baseUri = withTrailingSlash(baseUri);
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI baseUri() {
        return baseUri;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    HttpClient http() {
        return http;
    }

    /** A request to {@code path} (relative to the base URI) with the key and the usual headers. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(resolve(path)).timeout(requestTimeout).header("Accept", ACCEPT);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    URI resolve(String path) {
        return baseUri.resolve(path);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder builder) throws RuntimeClientException {
        HttpRequest request = builder.build();
        try {
            return http.send(request, BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeClientException("Interrupted while calling " + request.uri(), e);
        } catch (IOException e) {
            throw Failures.translate(displayUri(), e, requestTimeout);
        }
    }

    /** The base URI as users wrote it, for messages: without the trailing slash. */
    URI displayUri() {
        String base = baseUri.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    private static URI withTrailingSlash(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the runtime URL must start with http:// or https://: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the runtime URL has no host: " + uri);
        }
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
