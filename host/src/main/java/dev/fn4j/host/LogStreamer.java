package dev.fn4j.host;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the whole lines of the calls in progress while they run: every interval, one daemon
 * thread asks each watched source to send what its call wrote since the last time. It sleeps
 * while no call is watched, so an idle instance costs no wake-ups.
 *
 * <p>Back-pressure: a source writes on its own connection; when the runtime reads slowly, this
 * thread waits there, never the function's threads, whose output stays in their bounded logs.
 */
final class LogStreamer {

    /** One call in progress that can send its new lines. */
    interface Source {
        /** Sends the lines its call wrote since the last time, if any; never throws. */
        void sendLines();
    }

    /** Never streams: for a runtime that did not ask for LogLines frames. */
    static final LogStreamer OFF = new LogStreamer(0);

    private final long intervalMillis;
    /** The sources of calls in progress; the thread waits on this set while it is empty. */
    private final Set<Source> watched = ConcurrentHashMap.newKeySet();

    private LogStreamer(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** A streamer that sends only when {@link #flush} is called: for tests, which never wait. */
    static LogStreamer manual() {
        return new LogStreamer(1);
    }

    /** Starts a streamer flushing every {@code intervalMillis}, 1 or more; 0 is {@link #OFF}. */
    static LogStreamer start(int intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("intervalMillis must not be negative: " + intervalMillis);
        }
        if (intervalMillis == 0) {
            return OFF;
        }
        LogStreamer streamer = new LogStreamer(intervalMillis);
        Thread thread = new Thread(streamer::run, "fn4j-log-streamer");
        thread.setDaemon(true);
        thread.start();
        return streamer;
    }

    /** Whether this streamer sends anything at all. */
    boolean isOn() {
        return intervalMillis > 0;
    }

    /** Streams the source's lines from now until {@link #unwatch}. */
    void watch(Source source) {
        if (!isOn()) {
            return;
        }
        watched.add(Objects.requireNonNull(source, "source"));
        synchronized (watched) {
            watched.notifyAll();
        }
    }

    /** Stops streaming the source; lines it sends afterwards are its own business. */
    void unwatch(Source source) {
        watched.remove(source);
    }

    /** One pass: every watched source sends its new lines. */
    void flush() {
        for (Source source : watched) {
            source.sendLines();
        }
    }

    private void run() {
        try {
            while (true) {
                synchronized (watched) {
                    while (watched.isEmpty()) {
                        watched.wait();
                    }
                }
                Thread.sleep(intervalMillis);
                flush();
            }
        } catch (InterruptedException e) {
            // Only the JVM's exit stops this daemon thread.
        }
    }
}
