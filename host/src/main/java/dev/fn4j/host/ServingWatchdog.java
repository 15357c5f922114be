package dev.fn4j.host;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at a {@link ServingLoop} once a tick, so that work waiting for a thread gets one, and
 * sleeps once the loop has been quiet for {@link #IDLE_TICKS} ticks, so that an idle instance costs
 * no wake-ups; the next call started wakes it.
 */
final class ServingWatchdog {

    /** What a look finds the loop doing. */
    enum State {
        /** A call runs or waits: keep looking. */
        BUSY,
        /** No call runs or waits. */
        QUIET,
        /** Every connection has ended: stop. */
        DONE
    }

    /** The loop, as the watchdog sees it. */
    interface Loop {
        /** Adds a thread where work has waited a tick, and says what the loop is doing. */
        State look(long nanoTime);
    }

    /** Ticks in a row with the loop quiet and no call started, after which the watchdog sleeps. */
    static final int IDLE_TICKS = 100;

    private final Loop loop;
    private final long tickNanos;
    private final Thread thread;
    /** Calls started; a sleeping watchdog is woken by the next. */
    private final AtomicLong calls = new AtomicLong();
    /** Set before it sleeps; whoever starts a call next, or stops it, wakes it. */
    private volatile boolean asleep;

    private volatile boolean stopped;

    /** @param tickNanos positive: its loop checks it, as the hand-off they share */
    ServingWatchdog(Loop loop, long tickNanos) {
        this.loop = loop;
        this.tickNanos = tickNanos;
        this.thread = new Thread(this::watch, "fn4j-serving-watchdog");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called as every call starts: cheap unless the watchdog sleeps. */
    void callStarted() {
        calls.incrementAndGet();
        if (asleep) {
            asleep = false;
            LockSupport.unpark(thread);
        }
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void watch() {
        long seen = -1;
        int idle = 0;
        while (!stopped) {
            LockSupport.parkNanos(this, tickNanos);
            State state = loop.look(System.nanoTime());
            if (state == State.DONE) {
                return;
            }
            long started = calls.get();
            idle = state == State.QUIET && started == seen ? idle + 1 : 0;
            seen = started;
            if (idle >= IDLE_TICKS) {
                asleep = true;
                // A call started since the last look would not have seen the flag: look again.
                while (asleep && calls.get() == seen && !stopped) {
                    LockSupport.park(this);
                }
                asleep = false;
                idle = 0;
            }
        }
    }
}
