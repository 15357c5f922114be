package dev.fn4j.bench;

import dev.fn4j.runtime.stats.CallCounter;
import dev.fn4j.runtime.stats.CallStats;
import dev.fn4j.runtime.stats.MinuteCount;
import dev.fn4j.runtime.stats.StatsStore;
import dev.fn4j.runtime.stats.Tally;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What keeping the dashboard's per-minute statistics adds to each call: the runtime's
 * {@link CallStats} (the real clock, ten functions, a flush every 100 ms, 50 times as often as the
 * runtime's, into a store that keeps nothing) side by side with {@link CallCounter#NONE}, in
 * alternating rounds of one run, on 1 and 2 recording threads. Prints CPU nanoseconds per call
 * (the recording threads' and the flusher's CPU time over all calls: on a shared, loaded machine
 * wall time says more about the neighbours than about the code), the median of the rounds. Run: {@code java -cp 'bench/target/fn4j-bench.jar:bench/target/lib/*'
 * dev.fn4j.bench.StatsOverhead}.
 */
public final class StatsOverhead {

    private static final int ROUNDS = 9;
    private static final int CALLS = 5_000_000;
    private static final String[] FUNCTIONS = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"};

    private StatsOverhead() {}

    public static void main(String[] args) throws Exception {
        System.out.println(
                "| recording threads | without (CPU ns/call) | with CallStats (CPU ns/call) | added (CPU ns/call) |");
        System.out.println("| --- | --- | --- | --- |");
        for (int threads : new int[] {1, 2}) {
            List<Long> without = new ArrayList<>();
            List<Long> with = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Alternating order, so neither side always runs on a warmer or cooler machine.
                boolean statsFirst = round % 2 == 1;
                long a = round(threads, statsFirst);
                long b = round(threads, !statsFirst);
                without.add(statsFirst ? b : a);
                with.add(statsFirst ? a : b);
            }
            // The first round of each is JIT warm-up.
            without.remove(0);
            with.remove(0);
            long none = Stats.median(without);
            long kept = Stats.median(with);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f |%n",
                    threads,
                    none / 10.0,
                    kept / 10.0,
                    (kept - none) / 10.0);
        }
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Tenths of a CPU nanosecond per call, over all threads' calls, with statistics kept or not. */
    private static long round(int threads, boolean keep) throws Exception {
        CallStats stats = new CallStats(new DiscardingStore(), Clock.systemUTC());
        CallCounter counter = keep ? stats : CallCounter.NONE;
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong cpu = new AtomicLong();
        Thread flusher = new Thread(() -> {
            long begin = CPU.getCurrentThreadCpuTime();
            try {
                flushEvery100Ms(stats, done);
            } finally {
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - begin);
            }
        });
        flusher.setDaemon(true);
        flusher.start();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] sink = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long begin = CPU.getCurrentThreadCpuTime();
                long sum = 0;
                for (int i = 0; i < CALLS; i++) {
                    long nanos = 200_000L + (i * 7919L) % 5_000_000L;
                    counter.ran(FUNCTIONS[(i + id) % FUNCTIONS.length], i % 50 == 0, false, nanos);
                    sum += nanos;
                }
                sink[id] = sum;
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - begin);
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        done.set(true);
        flusher.join();
        if (sink[0] == 42) {
            System.out.print("");
        }
        return cpu.get() * 10 / ((long) CALLS * threads);
    }

    private static void flushEvery100Ms(CallStats stats, AtomicBoolean done) {
        while (!done.get()) {
            stats.flush();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Keeps nothing: the bench measures the calls' side, not the database. */
    private static final class DiscardingStore implements StatsStore {
        @Override
        public void add(List<MinuteCount> counts) {}

        @Override
        public List<MinuteCount> minutes(String function, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Map<String, Tally> totals(Instant from, Instant to) {
            return Map.of();
        }

        @Override
        public int deleteBefore(Instant before) {
            return 0;
        }
    }
}
