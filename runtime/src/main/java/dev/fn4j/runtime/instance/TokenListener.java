package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.TokenPreamble;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's instance port for the network transport: accepts TCP connections, reads each
 * one's token line within a short time, and hands the connection to the instance the token
 * belongs to. A refused connection is closed without a byte written: nothing is served on it.
 */
public final class TokenListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenListener.class);

    private final ServerSocketChannel server;
    private final InstanceTokens tokens;
    private final Duration lineTimeout;
    private final ScheduledExecutorService timers;
    /** Reads token lines, one task per connection; daemon threads so they never hold up exit. */
    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fn4j-instance-port-handshake");
        thread.setDaemon(true);
        return thread;
    });

    private TokenListener(
            ServerSocketChannel server, InstanceTokens tokens, Duration lineTimeout, ScheduledExecutorService timers) {
        this.server = server;
        this.tokens = tokens;
        this.lineTimeout = lineTimeout;
        this.timers = timers;
    }

    /**
     * Listens on {@code bind} and starts accepting.
     *
     * @param lineTimeout how long a connection may take to send its token line before it is closed
     */
    public static TokenListener open(
            InetSocketAddress bind, InstanceTokens tokens, Duration lineTimeout, ScheduledExecutorService timers)
            throws IOException {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(timers, "timers");
        if (lineTimeout.isNegative() || lineTimeout.isZero()) {
            throw new IllegalArgumentException("lineTimeout must be positive: " + lineTimeout);
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(bind);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen for instances on " + bind + ": " + e.getMessage(), e);
        }
        TokenListener listener = new TokenListener(server, tokens, lineTimeout, timers);
        Thread acceptor = new Thread(listener::acceptLoop, "fn4j-instance-port");
        acceptor.setDaemon(true);
        acceptor.start();
        return listener;
    }

    /** The port listened on; the real one when bound to port 0. */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("the instance port is closed", e);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("instance port: accept failed: {}", e.getMessage());
                }
                continue;
            }
            handshakes.execute(() -> handshake(channel));
        }
    }

    private void handshake(SocketChannel channel) {
        ScheduledFuture<?> deadline =
                timers.schedule(() -> close(channel), lineTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Consumer<SocketChannel> sink;
        try {
            sink = tokens.admit(TokenPreamble.read(Channels.newInputStream(channel)));
        } catch (IOException e) {
            LOG.info("instance port: refused {}: {}", remote(channel), e.getMessage());
            close(channel);
            return;
        } finally {
            deadline.cancel(false);
        }
        if (sink == null || !channel.isOpen()) {
            LOG.info("instance port: refused {}: unknown, wrong, spent or expired token", remote(channel));
            close(channel);
            return;
        }
        sink.accept(channel);
    }

    private static String remote(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "a closed connection";
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Refused anyway.
        }
    }

    /** Stops accepting; connections already handed to instances stay theirs. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        handshakes.shutdownNow();
    }
}
