package dev.fn4j.runtime.call;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores accepted calls group-commit style: concurrent submitters hand their call to one writer
 * thread, which stores whatever has gathered (up to {@link #MAX_BATCH}) in one transaction and
 * then wakes them all. One commit per batch instead of per call is what lets a burst be accepted
 * at the store's pace; a lone call waits for no one.
 */
final class GroupCommit implements AutoCloseable {

    static final int MAX_BATCH = 500;

    private record Pending(Invocation invocation, CompletableFuture<Transition> stored) {}

    private final InvocationQueue queue;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    /**
     * Set by {@link #close()}; the writer then stores what is pending and ends. Guarded by
     * {@link #lock} together with adding to {@link #pending}, so nothing is added after the
     * writer saw it closed with nothing pending.
     */
    private boolean closed;

    private final Object lock = new Object();

    GroupCommit(InvocationQueue queue) {
        this.queue = queue;
        this.writer = new Thread(this::write, "fn4j-async-accept");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stores {@code invocation} as queued; returns once it is committed, or throws what the store threw. */
    Transition store(Invocation invocation) {
        Pending mine = new Pending(invocation, new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                throw new ApiException(
                        ErrorCode.SHUTTING_DOWN,
                        "the runtime is stopping and takes no new calls; retry against a running runtime");
            }
            pending.add(mine);
        }
        try {
            return mine.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing invocation " + invocation.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Calls handed over and not yet taken by the writer. */
    int waiting() {
        return pending.size();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            synchronized (lock) {
                if (closed && pending.isEmpty()) {
                    return;
                }
            }
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                List<Invocation> invocations = new ArrayList<>(batch.size());
                batch.forEach(p -> invocations.add(p.invocation()));
                try {
                    List<Transition> stored = queue.enqueue(invocations);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).stored().complete(stored.get(i));
                    }
                } catch (RuntimeException e) {
                    // One bad call (a repeated request id) must not fail the others: alone, each
                    // gets its own answer.
                    for (Pending p : batch) {
                        storeAlone(p, batch.size() == 1 ? e : null);
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void storeAlone(Pending p, RuntimeException known) {
        if (known != null) {
            p.stored().completeExceptionally(known);
            return;
        }
        try {
            p.stored().complete(queue.enqueue(List.of(p.invocation())).get(0));
        } catch (RuntimeException e) {
            p.stored().completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}
