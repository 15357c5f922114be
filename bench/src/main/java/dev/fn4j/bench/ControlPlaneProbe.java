package dev.fn4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Asks the runtime's control plane ({@code /healthz}, {@code /metrics}, {@code GET /v1/functions})
 * on its main port and on its control port when it has one, and a {@link FloorServer}, one request
 * at a time, in turn, every {@code periodMillis}, from its own thread until stopped: what a load
 * balancer's health check and an operator see while functions are busy, beside the floor any
 * server meets on the same cores. Each request is what a load balancer's check is: a new
 * connection, one {@code GET} with {@code Connection: close}, read to the end, on this one thread
 * (the JDK's HttpClient hands each request between three threads, each hand-off a wake-up that a
 * saturated machine delays, and measured mostly itself).
 */
final class ControlPlaneProbe implements AutoCloseable {

    /** One endpoint's latency during one load. */
    record Result(String during, String endpoint, Histogram latency, long failures) {}

    private record Target(String name, URI uri) {}

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final List<String> PATHS = List.of("/healthz", "/metrics", "/v1/functions");

    private final RuntimeUnderTest runtime;
    private final List<Target> targets = new ArrayList<>();
    private final String during;
    private final long periodMillis;
    /** Guarded by this; one per target, in the targets' order. */
    private final Histogram[] latency;

    private final long[] failures;
    private final Thread thread;
    private volatile boolean stop;

    ControlPlaneProbe(RuntimeUnderTest runtime, FloorServer floor, String during, long periodMillis) {
        this.runtime = runtime;
        this.during = during;
        this.periodMillis = periodMillis;
        for (String path : PATHS) {
            targets.add(new Target(path, runtime.uri(path)));
        }
        for (String path : PATHS) {
            runtime.controlUri(path).ifPresent(uri -> targets.add(new Target("control port: " + path, uri)));
        }
        targets.add(new Target("floor: a bare server's /healthz", floor.uri()));
        this.latency = new Histogram[targets.size()];
        this.failures = new long[targets.size()];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = Stats.histogram();
        }
        this.thread = new Thread(this::loop, "control-plane-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        for (int i = 0; !stop; i = (i + 1) % targets.size()) {
            URI uri = targets.get(i).uri();
            byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAuthorization: Bearer " + runtime.apiKey() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            long t0 = System.nanoTime();
            int status;
            try {
                status = get(uri, request);
            } catch (IOException | RuntimeException e) {
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

    /** Sends {@code request} on a new connection and reads the answer to its end; returns its status. */
    private static int get(URI uri, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(request);
            byte[] answer = socket.getInputStream().readAllBytes();
            String statusLine = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.ISO_8859_1);
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** Stops the probe and returns each endpoint's latency. */
    List<Result> results() throws InterruptedException {
        close();
        List<Result> results = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < targets.size(); i++) {
                results.add(new Result(during, targets.get(i).name(), latency[i], failures[i]));
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
