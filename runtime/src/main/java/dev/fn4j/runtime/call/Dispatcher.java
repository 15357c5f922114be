package dev.fn4j.runtime.call;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the backlog: one thread claims each function's queued calls from the store while the
 * function has room ({@code maxInstances × concurrency} attempts running), oldest first. It
 * claims when told that work may be due ({@link #wake}: a call was stored, an attempt ended) and
 * polls functions that hold calls it could not claim (retries waiting out their backoff).
 */
final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Claims up to {@code room} due calls of a function and starts them; returns how many. */
    interface Claim {
        int claim(String function, int room);
    }

    /** How often a function whose held calls are not all due is asked again. */
    static final Duration POLL = Duration.ofMillis(250);

    private final Claim claim;
    /** A function's room: how many of its attempts may run at once. */
    private final ToIntFunction<String> room;
    /** A function's held calls, queued or running (the backlog's count). */
    private final ToIntFunction<String> held;
    /** The functions that hold calls now. */
    private final Supplier<Set<String>> holders;

    /** Attempts running per function; guarded by this; values positive. */
    private final Map<String, Integer> running = new HashMap<>();
    /** Functions that may have due calls; guarded by this. */
    private final Set<String> wanted = new LinkedHashSet<>();
    /** Set once; then nothing more is claimed. Guarded by this. */
    private boolean stopped;

    private final Thread thread;

    Dispatcher(Claim claim, ToIntFunction<String> room, ToIntFunction<String> held, Supplier<Set<String>> holders) {
        this.claim = claim;
        this.room = room;
        this.held = held;
        this.holders = holders;
        this.thread = new Thread(this::loop, "fn4j-async-claim");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The function may have due calls. */
    synchronized void wake(String function) {
        wanted.add(function);
        notifyAll();
    }

    /** An attempt of the function ended (or its claim was undone): its room grows by one. */
    synchronized void ended(String function) {
        running.computeIfPresent(function, (f, n) -> n > 1 ? n - 1 : null);
        wanted.add(function);
        notifyAll();
    }

    /** Attempts running now, every function. */
    synchronized int running() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Claims no more; attempts running go on. */
    @Override
    public synchronized void close() {
        stopped = true;
        notifyAll();
    }

    /** A function with due calls maybe, and room for {@code free} more attempts. */
    record Slot(String function, int free) {}

    private void loop() {
        while (true) {
            Slot slot;
            synchronized (this) {
                while ((slot = next()) == null && !stopped) {
                    waitForWork();
                }
                if (stopped) {
                    return;
                }
            }
            int claimed = 0;
            try {
                claimed = claim.claim(slot.function(), slot.free());
            } catch (RuntimeException e) {
                LOG.warn("claiming calls of '{}' failed; trying again shortly", slot.function(), e);
            }
            claimed(slot, claimed);
        }
    }

    /**
     * The first wanted function with room, no longer wanted until told again; null when none.
     * The loop then claims for it and reports through {@link #claimed}.
     */
    synchronized Slot next() {
        for (String candidate : wanted) {
            int space = room.applyAsInt(candidate) - running.getOrDefault(candidate, 0);
            if (space > 0) {
                wanted.remove(candidate);
                // The room is held while claiming, so an attempt that ends before claimed() is
                // counted against the right total.
                running.merge(candidate, space, Integer::sum);
                return new Slot(candidate, space);
            }
        }
        return null;
    }

    /** {@code count} attempts of the slot's function were claimed and started. */
    synchronized void claimed(Slot slot, int count) {
        int unused = slot.free() - Math.max(0, Math.min(count, slot.free()));
        if (unused > 0) {
            running.computeIfPresent(slot.function(), (f, n) -> n > unused ? n - unused : null);
        }
        if (count >= slot.free()) {
            // The room was filled: more may be due once some ends.
            wanted.add(slot.function());
        }
    }

    /** Attempts of {@code function} running now. */
    synchronized int running(String function) {
        return running.getOrDefault(function, 0);
    }

    /**
     * Waits for a wake. While some function holds more calls than it runs (retries waiting out
     * their backoff, calls another runtime left), it is asked again every {@link #POLL}.
     */
    private void waitForWork() {
        Set<String> pending = new HashSet<>();
        for (String function : holders.get()) {
            if (held.applyAsInt(function) > running.getOrDefault(function, 0)) {
                pending.add(function);
            }
        }
        try {
            if (pending.isEmpty()) {
                wait();
            } else {
                wait(POLL.toMillis());
                wanted.addAll(pending);
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
    }
}
