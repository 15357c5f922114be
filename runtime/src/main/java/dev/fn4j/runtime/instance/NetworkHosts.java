package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The network transport's counterpart of {@link InstanceSocket}: the connections that
 * {@link TokenListener} admitted for one instance, waited for until each has said Hello.
 */
public final class NetworkHosts implements HostEndpoint, AutoCloseable {

    /** Queued after the connections to wake a waiting {@link #awaitHosts}: the start was given up. */
    private static final Object ABORTED = new Object();

    /** Admitted channels, then possibly {@link #ABORTED}. */
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    /** Every channel admitted; all are closed if readiness fails. */
    private final List<SocketChannel> admitted = new ArrayList<>();

    /** The sink to register with {@link InstanceTokens#issue}. */
    public void admit(SocketChannel channel) {
        synchronized (admitted) {
            admitted.add(channel);
        }
        arrived.add(channel);
    }

    /**
     * Takes {@code count} admitted connections, each of which must say Hello for {@code
     * instanceId}; blocks until then, or throws once {@link #abort()} is called.
     */
    @Override
    public List<HostConnection> awaitHosts(int count, String instanceId) throws IOException {
        List<HostConnection> connections = new ArrayList<>(count);
        while (connections.size() < count) {
            Object next;
            try {
                next = arrived.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the hosts of " + instanceId, e);
            }
            if (next == ABORTED) {
                throw new IOException("stopped waiting for the hosts of instance " + instanceId);
            }
            SocketChannel channel = (SocketChannel) next;
            Frame.Hello hello = HostConnection.readHello(channel);
            if (!hello.instanceId().equals(instanceId)) {
                throw new IOException("a host for instance " + hello.instanceId() + " used the token of " + instanceId);
            }
            connections.add(new HostConnection(channel));
        }
        return connections;
    }

    /** Gives up the start: wakes the waiter and closes every admitted connection; idempotent. */
    @Override
    public void abort() {
        arrived.add(ABORTED);
        synchronized (admitted) {
            for (SocketChannel channel : admitted) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The instance is being discarded.
                }
            }
        }
    }

    @Override
    public void close() {
        arrived.add(ABORTED);
    }
}
