package dev.fn4j.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs the load phases: closed-loop callers, each making one call at a time. Every loop is
 * bounded by a count and by a deadline, so a phase always ends by itself.
 */
final class Load {

    /** Opens one caller; the phases open one per simulated client. */
    @FunctionalInterface
    interface CallerFactory {
        LoadClient.Caller open() throws IOException;
    }

    private Load() {}

    /**
     * One client, one call at a time: {@code warmup} unmeasured calls, then up to {@code calls}
     * measured ones; each part stops early at {@code maxSeconds}.
     */
    static LoadResult sequential(
            String target, CallerFactory callers, int warmup, int calls, int maxSeconds, CpuMeter meter)
            throws IOException {
        try (LoadClient.Caller caller = callers.open()) {
            long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            for (int i = 0; i < warmup && System.nanoTime() < stop; i++) {
                try {
                    caller.call();
                } catch (IOException e) {
                    // Counted in the measured part only.
                }
            }
            Histogram latency = Stats.histogram();
            Map<Integer, Long> statuses = new HashMap<>();
            long ok = 0;
            long errors = 0;
            Map<String, Long> cpuBefore = meter.sample();
            long start = System.nanoTime();
            stop = start + TimeUnit.SECONDS.toNanos(maxSeconds);
            for (int i = 0; i < calls && System.nanoTime() < stop; i++) {
                long t0 = System.nanoTime();
                try {
                    int status = caller.call();
                    if (status == 200) {
                        ok++;
                    } else {
                        statuses.merge(status, 1L, Long::sum);
                    }
                } catch (IOException e) {
                    errors++;
                }
                Stats.record(latency, System.nanoTime() - t0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> cpu = CpuMeter.delta(cpuBefore, meter.sample());
            return new LoadResult(target, 1, ok, seconds, latency, statuses, errors, cpu);
        }
    }

    /**
     * {@code clients} callers in a closed loop for {@code warmupSeconds} unmeasured, then
     * {@code seconds} measured; a call counts when it ends inside the measured window.
     */
    static LoadResult concurrent(
            String target, CallerFactory callers, int clients, int warmupSeconds, int seconds, CpuMeter meter)
            throws InterruptedException {
        long t0 = System.nanoTime();
        long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker(callers, measureFrom, measureTo, done);
            workers.add(worker);
            Thread thread = new Thread(worker, "bench-client-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            thread.start();
        }
        // CPU is sampled at the window's edges, from this thread.
        sleepUntil(measureFrom);
        Map<String, Long> cpuBefore = meter.sample();
        sleepUntil(measureTo);
        Map<String, Long> cpuAfter = meter.sample();
        // Calls in flight at the end have at most their 10 s timeout left.
        if (!done.await(30, TimeUnit.SECONDS)) {
            workers.forEach(w -> w.thread.interrupt());
            done.await(5, TimeUnit.SECONDS);
        }
        Histogram latency = Stats.histogram();
        Map<Integer, Long> statuses = new HashMap<>();
        long ok = 0;
        long errors = 0;
        for (Worker w : workers) {
            synchronized (w) {
                latency.add(w.latency);
                w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
                ok += w.ok;
                errors += w.errors;
            }
        }
        return new LoadResult(
                target, clients, ok, seconds, latency, statuses, errors, CpuMeter.delta(cpuBefore, cpuAfter));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    private static final class Worker implements Runnable {
        private final CallerFactory callers;
        private final long from;
        private final long to;
        private final CountDownLatch done;
        final Histogram latency = Stats.histogram();
        final Map<Integer, Long> statuses = new HashMap<>();
        long ok;
        long errors;
        Thread thread;

        Worker(CallerFactory callers, long from, long to, CountDownLatch done) {
            this.callers = callers;
            this.from = from;
            this.to = to;
            this.done = done;
        }

        @Override
        public void run() {
            try (LoadClient.Caller caller = callers.open()) {
                while (!Thread.currentThread().isInterrupted()) {
                    long start = System.nanoTime();
                    if (start >= to) {
                        break;
                    }
                    int status;
                    try {
                        status = caller.call();
                    } catch (IOException e) {
                        status = -1;
                    }
                    long end = System.nanoTime();
                    if (end >= from && end < to) {
                        synchronized (this) {
                            Stats.record(latency, end - start);
                            if (status == 200) {
                                ok++;
                            } else if (status < 0) {
                                errors++;
                            } else {
                                statuses.merge(status, 1L, Long::sum);
                            }
                        }
                    }
                    if (status < 0 && end < to) {
                        // A refused or broken connection: don't spin on it.
                        sleepQuietly(10);
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    errors++;
                }
            } finally {
                done.countDown();
            }
        }

        private static void sleepQuietly(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A factory over a client. */
    static CallerFactory of(LoadClient client) {
        return client::open;
    }
}
