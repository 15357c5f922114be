package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;

/**
 * Opens the configured number of connections, each served on its own thread from the moment it
 * is connected, and waits for all of them to close.
 */
final class Host {

    private final HostConfig config;
    private final Invoker invoker;
    private final LogRouter router;
    private final PrintStream err;

    Host(HostConfig config, Invoker invoker, LogRouter router, PrintStream err) {
        this.config = config;
        this.invoker = invoker;
        this.router = router;
        this.err = err;
    }

    /** Serves until the runtime closes every connection; returns the process exit code. */
    int run() {
        int count = config.concurrency();
        Connection[] connections = new Connection[count];
        Thread[] threads = new Thread[count];
        LogStreamer streamer = config.streamsLines() ? LogStreamer.start(config.logStreamMillis()) : LogStreamer.OFF;
        for (int i = 0; i < count; i++) {
            SocketChannel channel;
            try {
                channel = Connector.connect(config);
            } catch (IOException e) {
                err.println("fn4j-host: cannot connect to " + config.endpoint() + " (connection " + i + "): "
                        + e.getMessage());
                return Exit.CONNECTION_FAILED;
            }
            connections[i] = new Connection(
                    channel,
                    new Frame.Hello(config.instanceId(), i, config.handler()),
                    invoker,
                    router,
                    config.logLimitBytes(),
                    streamer,
                    err);
            threads[i] = new Thread(connections[i], "fn4j-connection-" + i);
            threads[i].start();
        }
        boolean clean = true;
        for (int i = 0; i < count; i++) {
            joinUninterruptibly(threads[i]);
            clean &= connections[i].endedCleanly();
        }
        return clean ? Exit.CLEAN : Exit.CONNECTION_FAILED;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
