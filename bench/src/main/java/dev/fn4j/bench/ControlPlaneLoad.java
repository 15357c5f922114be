package dev.fn4j.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control plane's latency ({@link ControlPlaneProbe}) with the data plane idle, saturated by
 * 64 wrk connections on a warm function with the default settings, and while a burst of
 * {@code --async-burst} asynchronous calls arrives from 64 callers.
 */
final class ControlPlaneLoad implements Scenario {

    private static final String FUNCTION = "cp";
    private static final long PERIOD_MILLIS = 10;

    @Override
    public String name() {
        return "control plane under load";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        RuntimeUnderTest runtime = context.runtime();
        RuntimeUnderTest.Reply deployed = runtime.deploy(FUNCTION, context.defaultSpec());
        if (deployed.status() / 100 != 2) {
            throw new IOException("PUT " + FUNCTION + " answered " + deployed.status() + ": " + deployed.body());
        }
        runtime.invoke(FUNCTION, context.body());
        try (FloorServer floor = new FloorServer()) {
            probe(context, floor);
        }
        runtime.delete(FUNCTION);
    }

    private static void probe(BenchContext context, FloorServer floor) throws Exception {
        Options options = context.options();
        Report report = context.report();
        RuntimeUnderTest runtime = context.runtime();
        int seconds = options.integer("control-plane-seconds");

        Bench.log("control plane: idle data plane, " + seconds + "s");
        ControlPlaneProbe idle = new ControlPlaneProbe(runtime, floor, "idle", PERIOD_MILLIS);
        TimeUnit.SECONDS.sleep(seconds);
        report.controlPlane.addAll(idle.results());

        Bench.log("control plane: 64 wrk connections on the trigger, " + seconds + "s");
        Wrk wrk = new Wrk(
                context.workDir(),
                "cp",
                context.body(),
                List.of("Authorization: Bearer " + runtime.apiKey()),
                options.integer("wrk-threads"));
        ControlPlaneProbe sync = new ControlPlaneProbe(runtime, floor, "64 connections, sync calls", PERIOD_MILLIS);
        Wrk.Row load = wrk.run("cp", runtime.uri("/fn/" + FUNCTION).toString(), 64, seconds, 10);
        report.controlPlane.addAll(sync.results());
        report.notes.add(String.format(
                java.util.Locale.ROOT,
                "control-plane sync load: %.0f calls/s, p99 %s",
                load.callsPerSecond(),
                Stats.micros(load.p99())));

        int burst = options.integer("async-burst");
        Bench.log("control plane: a burst of " + burst + " async calls");
        ControlPlaneProbe async = new ControlPlaneProbe(runtime, floor, burst + " async calls arriving", PERIOD_MILLIS);
        long t0 = System.nanoTime();
        Map<Integer, Integer> statuses = submit(runtime, context.body(), burst);
        double submitSeconds = (System.nanoTime() - t0) / 1e9;
        // The probe goes on while the backlog runs, for as long again as the submissions took.
        TimeUnit.MILLISECONDS.sleep(Math.max(1000, (long) (submitSeconds * 1000)));
        report.controlPlane.addAll(async.results());
        report.notes.add(String.format(
                java.util.Locale.ROOT,
                "async burst: %d calls submitted in %.1f s, answers by status %s",
                burst,
                submitSeconds,
                statuses));
    }

    /** Sends {@code count} {@code Prefer: respond-async} calls from 64 threads; counts answers by status. */
    private static Map<Integer, Integer> submit(RuntimeUnderTest runtime, byte[] body, int count)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService callers = Executors.newFixedThreadPool(64);
        for (int i = 0; i < 64; i++) {
            callers.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    runtime.uri("/v1/functions/" + FUNCTION + "/invocations"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + runtime.apiKey())
                            .header("Prefer", "respond-async")
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.MINUTES);
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((s, n) -> counts.put(s, n.get()));
        return counts;
    }
}
