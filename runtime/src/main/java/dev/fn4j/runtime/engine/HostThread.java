package dev.fn4j.runtime.engine;

import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One in-process instance of {@link InProcessEngine}: a host serving on a thread of its own, with
 * the class loader its host was loaded by. Stopping it cannot end a call still running; it
 * interrupts the host and closes the class loader, so that once the runtime has hung up (which
 * ends the host) nothing keeps the revision's classes.
 */
final class HostThread {

    private final String id;
    private final Map<String, String> labels;
    private final URLClassLoader loader;
    private final Thread thread;
    /** The host's exit code once it returned; -1 while it runs or when it failed. */
    private volatile int exitCode = -1;

    HostThread(String id, Map<String, String> labels, URLClassLoader loader, IntSupplier host) {
        this.id = id;
        this.labels = Map.copyOf(labels);
        this.loader = loader;
        this.thread = new Thread(() -> exitCode = host.getAsInt(), "fn4j-inproc-" + id);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
    }

    void start() {
        thread.start();
    }

    Map<String, String> labels() {
        return labels;
    }

    ContainerState state() {
        boolean running = thread.isAlive();
        return new ContainerState(running, running ? 0 : exitCode, false, "");
    }

    /** Waits up to {@code timeout} for the host to return. */
    void await(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the host, and closes its class loader once it returned (at once if it did). */
    void stop() {
        thread.interrupt();
        Thread closer = new Thread(
                () -> {
                    try {
                        thread.join(TimeUnit.MINUTES.toMillis(10));
                        loader.close();
                    } catch (InterruptedException | IOException e) {
                        // The loader stays open: it only holds jar files under the data dir.
                    }
                },
                "fn4j-inproc-close-" + id);
        closer.setDaemon(true);
        closer.start();
    }
}
