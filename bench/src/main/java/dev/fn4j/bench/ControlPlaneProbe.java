package dev.fn4j.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Asks the runtime's control plane ({@code /healthz}, {@code /metrics}, {@code GET /v1/functions})
 * one request at a time, in turn, every {@code periodMillis}, from its own thread until stopped:
 * what a load balancer's health check and an operator see while functions are busy.
 */
final class ControlPlaneProbe implements AutoCloseable {

    /** One endpoint's latency during one load. */
    record Result(String during, String endpoint, Histogram latency, long failures) {}

    private static final List<String> ENDPOINTS = List.of("/healthz", "/metrics", "/v1/functions");

    private final RuntimeUnderTest runtime;
    private final String during;
    private final long periodMillis;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Histogram[] latency = new Histogram[ENDPOINTS.size()];
    private final long[] failures = new long[ENDPOINTS.size()];
    private final Thread thread;
    private volatile boolean stop;

    ControlPlaneProbe(RuntimeUnderTest runtime, String during, long periodMillis) {
        this.runtime = runtime;
        this.during = during;
        this.periodMillis = periodMillis;
        for (int i = 0; i < latency.length; i++) {
            latency[i] = Stats.histogram();
        }
        this.thread = new Thread(this::loop, "control-plane-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        for (int i = 0; !stop; i = (i + 1) % ENDPOINTS.size()) {
            HttpRequest request = HttpRequest.newBuilder(runtime.uri(ENDPOINTS.get(i)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + runtime.apiKey())
                    .GET()
                    .build();
            long t0 = System.nanoTime();
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (Exception e) {
                status = -1;
            }
            long nanos = System.nanoTime() - t0;
            synchronized (this) {
                Stats.record(latency[i], nanos);
                if (status != 200) {
                    failures[i]++;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the probe and returns each endpoint's latency. */
    List<Result> results() throws InterruptedException {
        close();
        List<Result> results = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < ENDPOINTS.size(); i++) {
                results.add(new Result(during, ENDPOINTS.get(i), latency[i], failures[i]));
            }
        }
        return results;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.SECONDS.toMillis(60));
    }
}
