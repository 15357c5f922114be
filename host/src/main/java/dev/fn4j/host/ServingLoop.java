package dev.fn4j.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Serves a host's connections from one selector with as few threads as keep up. The thread that
 * sees a connection readable runs its call itself, then serves the next readable one, so under
 * load one thread answers many calls per wake-up, where a thread per connection was woken, and
 * switched to, once per call (docs/benchmarks.md, "One thread serves many connections"). A
 * watchdog adds a thread when work waits: a readable connection not taken for {@link #HAND_OFF},
 * or every thread in a call and none watching the selector for that long. So a slow or blocked
 * handler holds a call on another connection up by about {@link #HAND_OFF} at most, and calls that
 * each take long spread over as many threads as there are connections. A thread that finds
 * nothing to do while another watches the selector parks as a spare.
 */
final class ServingLoop implements ServingWatchdog.Loop {

    /** How long work may wait for a thread before the watchdog adds one. */
    static final long HAND_OFF = TimeUnit.MILLISECONDS.toNanos(1);

    /** A connection with what the loop knows of it; its fields are guarded by the loop's lock. */
    private static final class Slot {
        final Connection connection;
        SelectionKey key;
        /** In {@link #ready}. */
        boolean queued;
        /** A thread serves it; it is in no queue and nobody else reads it. */
        boolean busy;
        /** Read interest taken off while busy: the runtime closed it, or wrote out of turn. */
        boolean paused;
        /** When it was found readable: System.nanoTime(). */
        long readyAt;

        Slot(Connection connection) {
            this.connection = connection;
        }
    }

    /** A serving thread; granted is how a spare is told to go on. */
    private static final class Worker {
        final Thread thread;
        volatile boolean granted;

        Worker(Thread thread) {
            this.thread = thread;
        }
    }

    /** How long work may wait for a thread before the watchdog adds one. */
    private final long handOffNanos;

    private final List<Slot> slots;
    private final Selector selector;
    private final Object lock = new Object();
    /** Readable connections no thread serves yet, oldest first. Guarded by lock. */
    private final ArrayDeque<Slot> ready = new ArrayDeque<>();
    /** Parked workers, the last parked first. Guarded by lock. */
    private final ArrayDeque<Worker> spares = new ArrayDeque<>();
    /** One thread at most selects. Guarded by lock. */
    private boolean selecting;
    /** When the last select returned; guarded by lock. */
    private long selectedAt;
    /** Connections not yet ended; guarded by lock. */
    private int open;
    /** Workers started, the spares among them; at most one more than the connections. Guarded by lock. */
    private int workers;
    /** Workers inside a call; guarded by lock. */
    private int serving;
    /** Whether every connection ended cleanly so far; guarded by lock. */
    private boolean clean = true;
    /** Set once every connection has ended; guarded by lock. */
    private boolean done;

    /** Null when there is one connection, which no second thread could serve. */
    private final ServingWatchdog watchdog;

    /**
     * @param connections greeted already (their channels non-blocking), at least one
     * @throws UncheckedIOException when no selector can be opened
     */
    ServingLoop(List<Connection> connections) {
        this(connections, HAND_OFF);
    }

    /**
     * @param handOffNanos how long work waits before the watchdog adds a thread: {@link #HAND_OFF}
     *     but in tests, which set it so long that only the calling thread serves
     */
    ServingLoop(List<Connection> connections, long handOffNanos) {
        if (handOffNanos <= 0) {
            throw new IllegalArgumentException("handOffNanos must be positive: " + handOffNanos);
        }
        this.handOffNanos = handOffNanos;
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a serving loop needs at least one connection");
        }
        try {
            selector = Selector.open();
            slots = connections.stream().map(Slot::new).toList();
            for (Slot slot : slots) {
                slot.key = slot.connection.channel().register(selector, SelectionKey.OP_READ, slot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the host's connections", e);
        }
        open = slots.size();
        watchdog = slots.size() == 1 ? null : new ServingWatchdog(this, handOffNanos);
    }

    /**
     * Serves every connection, on threads named {@code fn4j-serving-N} (the first started here, the
     * others by the watchdog), until all have ended; returns whether every one ended cleanly.
     */
    boolean run() {
        synchronized (lock) {
            selectedAt = System.nanoTime();
            startWorker();
        }
        if (watchdog != null) {
            watchdog.start();
        }
        boolean interrupted = false;
        boolean ended;
        synchronized (lock) {
            while (!done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // The connections decide when serving ends, as they did before this wait.
                    interrupted = true;
                }
            }
            ended = clean;
        }
        try {
            selector.close();
        } catch (IOException e) {
            // Every channel is closed already; nothing is left to release.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    /** A worker's loop: serve what is ready, else watch the selector, else park as a spare. */
    private void work() {
        Worker me = new Worker(Thread.currentThread());
        while (true) {
            Slot slot = null;
            boolean select = false;
            synchronized (lock) {
                if (done) {
                    return;
                }
                slot = ready.poll();
                if (slot != null) {
                    slot.queued = false;
                    slot.busy = true;
                    serving++;
                } else if (!selecting) {
                    selecting = true;
                    select = true;
                } else {
                    me.granted = false;
                    spares.push(me);
                }
            }
            if (slot != null) {
                serve(slot);
            } else if (select) {
                select();
            } else {
                while (!me.granted) {
                    LockSupport.park(this);
                }
            }
        }
    }

    private void select() {
        try {
            selector.select();
        } catch (ClosedSelectorException e) {
            // The loop ended while this thread was on its way here.
            return;
        } catch (IOException e) {
            // Only a broken epoll fails this; try again rather than leave the connections unwatched.
        }
        long now = System.nanoTime();
        synchronized (lock) {
            if (done) {
                // Its owner closes the selector once every connection has ended.
                return;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Slot slot = (Slot) key.attachment();
                if (!key.isValid()) {
                    continue;
                }
                if (slot.busy) {
                    // Only the end of the stream or a frame out of turn: read once the call ends.
                    key.interestOps(0);
                    slot.paused = true;
                } else if (!slot.queued) {
                    enqueue(slot, now);
                }
            }
            selector.selectedKeys().clear();
            selecting = false;
            selectedAt = now;
        }
    }

    private void serve(Slot slot) {
        if (watchdog != null) {
            watchdog.callStarted();
        }
        boolean ended = false;
        boolean served = false;
        try {
            served = slot.connection.serveNext();
        } catch (IOException e) {
            ended = true;
            // Before the loop can end: its owner may exit the process as soon as it does.
            slot.connection.end(e);
        }
        boolean wakeSelector = false;
        synchronized (lock) {
            serving--;
            slot.busy = false;
            if (ended) {
                open--;
                clean &= slot.connection.endedCleanly();
                if (open == 0) {
                    finish();
                }
            } else if (slot.paused) {
                slot.paused = false;
                slot.key.interestOps(SelectionKey.OP_READ);
                wakeSelector = true;
            } else if (served && slot.connection.hasBuffered()) {
                // A frame that came with the call, out of turn: no readiness will tell of it.
                enqueue(slot, System.nanoTime());
            }
        }
        if (wakeSelector) {
            // An interest set while another thread selects takes effect at its next select.
            selector.wakeup();
        }
    }

    /** Puts a readable connection in line for the next free thread. Under lock. */
    private void enqueue(Slot slot, long now) {
        slot.queued = true;
        slot.readyAt = now;
        ready.add(slot);
    }

    /** Lets every worker and the watchdog go once the last connection has ended. Under lock. */
    private void finish() {
        done = true;
        lock.notifyAll();
        for (Worker spare : spares) {
            spare.granted = true;
            LockSupport.unpark(spare.thread);
        }
        spares.clear();
        selector.wakeup();
        if (watchdog != null) {
            watchdog.stop();
        }
    }

    @Override
    public ServingWatchdog.State look(long now) {
        synchronized (lock) {
            if (done) {
                return ServingWatchdog.State.DONE;
            }
            if (waiting(now)) {
                addWorker();
            }
            // Only a loop with no call running or waiting may be left unwatched.
            return serving == 0 && ready.isEmpty() ? ServingWatchdog.State.QUIET : ServingWatchdog.State.BUSY;
        }
    }

    /** Whether work has waited for a thread for {@link #handOffNanos}. Under lock. */
    private boolean waiting(long now) {
        if (!ready.isEmpty() && now - ready.peek().readyAt >= handOffNanos) {
            return true;
        }
        // Every thread that is not a spare runs a call, so a new call would go unseen.
        int running = workers - spares.size();
        return !selecting && serving > 0 && serving == running && now - selectedAt >= handOffNanos;
    }

    /** Wakes a spare, or starts a worker while there are no more than connections. Under lock. */
    private void addWorker() {
        Worker spare = spares.poll();
        if (spare != null) {
            spare.granted = true;
            LockSupport.unpark(spare.thread);
            return;
        }
        if (workers <= slots.size()) {
            startWorker();
        }
    }

    /** Under lock. */
    private void startWorker() {
        workers++;
        // Not a daemon, as the connection threads before it were: threads a handler starts inherit that.
        Thread thread = new Thread(this::work, "fn4j-serving-" + workers);
        thread.setDaemon(false);
        thread.start();
    }
}
