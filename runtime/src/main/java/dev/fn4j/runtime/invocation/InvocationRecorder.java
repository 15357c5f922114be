package dev.fn4j.runtime.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished synchronous calls off the hot path: a call hands its record over in memory and
 * one background thread writes what has gathered in one batch per transaction. Reads go through
 * here too, so a call is found by id from the moment it ended, written or not. A batch gathers
 * for at most 20 ms, so a crash loses at most the records of about that long; the calls
 * themselves had already been answered.
 */
public final class InvocationRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationRecorder.class);
    /** Records waiting to be written; past this, callers wait (backpressure on a slow database). */
    private static final int CAPACITY = 10_000;

    private static final int BATCH = 500;
    /** How long a batch may wait for more records; bounds what a crash can lose. */
    private static final Duration LINGER = Duration.ofMillis(20);

    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 3;

    private final InvocationStore store;
    private final BlockingQueue<Invocation> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Every record handed over and not yet written, by id. */
    private final ConcurrentMap<String, Invocation> pending = new ConcurrentHashMap<>();

    private final Thread writer;
    private volatile boolean closing;

    public InvocationRecorder(InvocationStore store) {
        this.store = store;
        this.writer = new Thread(this::writeLoop, "fn4j-invocation-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Hands over a finished call's record; waits only while the backlog is full. */
    public void record(Invocation invocation) {
        if (!invocation.status().terminal()) {
            throw new IllegalArgumentException("only ended calls are recorded here: " + invocation.status());
        }
        pending.put(invocation.id(), invocation);
        try {
            queue.put(invocation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.remove(invocation.id());
        }
    }

    /** The invocation, whether its record is written yet or not; without its request body. */
    public Optional<Invocation> find(String id) {
        Invocation waiting = pending.get(id);
        if (waiting != null) {
            return Optional.of(waiting);
        }
        return store.find(id);
    }

    /** The function's newest invocations first, at most {@code limit}, written or not; no bodies. */
    public List<Invocation> recent(String function, int limit) {
        List<Invocation> waiting = pending.values().stream()
                .filter(i -> i.function().equals(function))
                .toList();
        List<Invocation> stored = store.recent(function, limit);
        java.util.Map<String, Invocation> byId = new java.util.LinkedHashMap<>();
        for (Invocation invocation : waiting) {
            byId.put(invocation.id(), invocation);
        }
        for (Invocation invocation : stored) {
            byId.putIfAbsent(invocation.id(), invocation);
        }
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(Invocation::queuedAt)
                        .thenComparing(Invocation::id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** The invocation's state changes as stored; empty for synchronous calls. */
    public List<InvocationEvent> events(String id) {
        return pending.containsKey(id) ? List.of() : store.events(id);
    }

    /** Records handed over and not yet written. */
    public int backlog() {
        return pending.size();
    }

    private void writeLoop() {
        List<Invocation> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Invocation first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                // Gather what else comes within a short linger: one commit for many calls. Sleeping
                // instead of polling per record means a call's hand-over wakes no thread: under
                // load this thread wakes once a linger, not once a call.
                long lingerEnd = System.nanoTime() + LINGER.toNanos();
                queue.drainTo(batch, BATCH - batch.size());
                while (batch.size() < BATCH && !closing) {
                    long left = lingerEnd - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    Thread.sleep(Math.max(1, left / 1_000_000));
                    queue.drainTo(batch, BATCH - batch.size());
                }
                write(batch);
                batch.forEach(i -> pending.remove(i.id(), i));
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Writes the batch, retrying while the database is away; then, if it still fails, each record
     * alone, so one bad record cannot hold back the rest. A record that cannot be written is
     * logged and dropped.
     */
    private void write(List<Invocation> batch) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                store.insertEnded(batch);
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warn(
                        "cannot record {} invocation(s) yet (attempt {} of {}): {}",
                        batch.size(),
                        attempt,
                        ATTEMPTS,
                        e.getMessage());
                if (closing) {
                    break;
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
        if (batch.size() == 1) {
            LOG.error("dropping the record of invocation {}: {}", batch.get(0).id(), last.getMessage());
            return;
        }
        for (Invocation one : batch) {
            try {
                store.insertEnded(List.of(one));
            } catch (RuntimeException e) {
                LOG.error("dropping the record of invocation {}: {}", one.id(), e.getMessage());
            }
        }
    }

    /** Writes what is pending (waiting up to 10 seconds), then stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pending.isEmpty()) {
            LOG.warn("{} invocation record(s) were not written before stopping", pending.size());
        }
    }
}
