package dev.fn4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * The calls a function answered, second by second, while a load run goes on: a thread reads the
 * runtime's count once a second, so that a run's whole-run rate can be told apart into its first
 * seconds and the rest. Reading the count is one {@code GET /metrics} a second, on the control
 * port, in every run it samples alike.
 */
final class CallRate implements AutoCloseable {

    private final LongSupplier answered;
    private final Thread sampler;
    /** Calls per second for each whole second since the start; guarded by this. */
    private final List<Long> perSecond = new ArrayList<>();

    private CallRate(LongSupplier answered) {
        this.answered = answered;
        this.sampler = new Thread(this::sample, "call-rate");
        sampler.setDaemon(true);
    }

    /** Starts reading {@code answered} now and once a second after. */
    static CallRate start(LongSupplier answered) {
        CallRate rate = new CallRate(answered);
        rate.sampler.start();
        return rate;
    }

    private void sample() {
        long last = answered.getAsLong();
        long lastAt = System.nanoTime();
        long next = lastAt + 1_000_000_000L;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                next += 1_000_000_000L;
                long count = answered.getAsLong();
                long at = System.nanoTime();
                if (count >= 0 && last >= 0) {
                    synchronized (this) {
                        perSecond.add(Math.round((count - last) * 1e9 / (at - lastAt)));
                    }
                }
                last = count;
                lastAt = at;
            }
        } catch (InterruptedException e) {
            // Stopped.
        }
    }

    /** Calls per second in each second sampled so far, e.g. "3,120 · 8,400 · 10,950". */
    synchronized String seconds() {
        StringJoiner joined = new StringJoiner(" · ");
        perSecond.forEach(rate -> joined.add(String.format(Locale.ROOT, "%,d", rate)));
        return joined.toString();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join(5_000);
    }
}
