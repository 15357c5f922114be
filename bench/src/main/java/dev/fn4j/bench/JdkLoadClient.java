package dev.fn4j.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default client: {@code java.net.http.HttpClient} over HTTP/1.1 with keep-alive; callers
 * share one client, whose pool gives each concurrent caller its own connection.
 */
final class JdkLoadClient implements LoadClient {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-jdk-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final HttpRequest request;
    private final byte[] body;

    JdkLoadClient(URI uri, byte[] body, String apiKey) {
        this.body = body.clone();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Override
    public Caller open() {
        return new Caller() {
            @Override
            public int call() throws IOException {
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                int status = response.statusCode();
                return status == 200 && !Arrays.equals(response.body(), body) ? BAD_BODY : status;
            }

            @Override
            public void close() {
                // Connections belong to the shared client.
            }
        };
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
