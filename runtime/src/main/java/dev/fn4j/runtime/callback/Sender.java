package dev.fn4j.runtime.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a callback and returns the receiver's status code. Never follows redirects (a redirect
 * would lead past the allow-list) and gives a receiver {@code timeout} to answer, so that a slow
 * one holds a delivery thread for that long at most. Blocks.
 */
final class Sender {

    private final HttpClient client;
    private final Duration timeout;

    Sender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code body} with {@code headers}.
     *
     * @throws IOException with a message in the operator's terms when the receiver did not answer
     */
    int post(URI url, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + "ms", e);
        } catch (IOException e) {
            throw new IOException("cannot reach the receiver: " + (e.getMessage() != null ? e.getMessage() : e), e);
        }
    }
}
