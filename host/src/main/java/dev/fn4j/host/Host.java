package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the configured number of connections, greeting the runtime on each as soon as it is
 * connected, then serves them all from one {@link ServingLoop} until every one has closed.
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
        List<Connection> connections = new ArrayList<>(count);
        LogStreamer streamer = config.streamsLines() ? LogStreamer.start(config.logStreamMillis()) : LogStreamer.OFF;
        for (int i = 0; i < count; i++) {
            Connection connection;
            try {
                connection = new Connection(
                        Connector.connect(config),
                        new Frame.Hello(config.instanceId(), i, config.handler()),
                        invoker,
                        router,
                        config.logLimitBytes(),
                        streamer,
                        err);
                connection.greet();
            } catch (IOException e) {
                err.println("fn4j-host: cannot connect to " + config.endpoint() + " (connection " + i + "): "
                        + e.getMessage());
                return Exit.CONNECTION_FAILED;
            }
            connections.add(connection);
        }
        return new ServingLoop(connections).run() ? Exit.CLEAN : Exit.CONNECTION_FAILED;
    }
}
