package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening end of one instance's socket, in the directory that is bind-mounted into its
 * container. The host connecting and saying Hello is the readiness signal: nothing polls.
 */
public final class InstanceSocket implements HostEndpoint, AutoCloseable {

    private final Path dir;
    private final ServerSocketChannel server;
    /** Connections accepted so far; all are closed if readiness fails. */
    private final List<SocketChannel> accepted = new ArrayList<>();

    private InstanceSocket(Path dir, ServerSocketChannel server) {
        this.dir = dir;
        this.server = server;
    }

    /** Creates the directory and starts listening on its socket file. */
    public static InstanceSocket open(Path dir) throws IOException {
        Files.createDirectories(dir);
        // The container's non-root user must reach the socket through the bind mount.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve(Protocol.SOCKET_FILE);
        Files.deleteIfExists(file);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(file));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new InstanceSocket(dir, server);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Accepts {@code count} connections, each of which must say Hello for {@code instanceId}.
     * Blocks until then; {@link #close()} from another thread (a timeout, the container exiting)
     * makes it throw.
     */
    @Override
    public List<HostConnection> awaitHosts(int count, String instanceId) throws IOException {
        List<HostConnection> connections = new ArrayList<>(count);
        while (connections.size() < count) {
            SocketChannel channel = server.accept();
            synchronized (accepted) {
                accepted.add(channel);
            }
            Frame.Hello hello = HostConnection.readHello(channel);
            if (!hello.instanceId().equals(instanceId)) {
                throw new IOException(
                        "a host for instance " + hello.instanceId() + " connected to the socket of " + instanceId);
            }
            connections.add(new HostConnection(channel));
        }
        // Every connection the instance may use is here; nobody else may connect.
        server.close();
        return connections;
    }

    /** Stops listening and closes every connection not yet handed out; idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    /** Closes the connections accepted so far, for a start that failed part way. */
    @Override
    public void abort() {
        close();
        synchronized (accepted) {
            for (SocketChannel channel : accepted) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The instance is being discarded.
                }
            }
        }
    }
}
