package dev.fn4j.bench;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's end of the instance protocol, reduced to what the socket benchmarks need: a Unix
 * socket in its own directory (readable by a container's non-root user, as the runtime makes it),
 * a Hello per connection, then Invoke/Result round trips made exactly as the runtime's
 * HostConnection makes them (buffered streams over the channel, one call at a time).
 */
final class FrameEndpoint implements AutoCloseable {

    private final Path dir;
    private final ServerSocketChannel server;

    private FrameEndpoint(Path dir, ServerSocketChannel server) {
        this.dir = dir;
        this.server = server;
    }

    static FrameEndpoint open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve(Protocol.SOCKET_FILE);
        Files.deleteIfExists(file);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        return new FrameEndpoint(dir, server);
    }

    Path dir() {
        return dir;
    }

    Path socket() {
        return dir.resolve(Protocol.SOCKET_FILE);
    }

    /**
     * Waits up to {@code timeoutSeconds} for one host to connect and say Hello; the returned
     * caller invokes it with {@code body}.
     */
    Caller accept(int timeoutSeconds, byte[] body) throws IOException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-accept-timeout");
            t.setDaemon(true);
            return t;
        });
        try {
            // Closing the server is the only way to interrupt a blocking accept.
            timer.schedule(this::stop, timeoutSeconds, TimeUnit.SECONDS);
            SocketChannel channel = server.accept();
            Frame hello = FrameCodec.read(Channels.newInputStream(channel));
            if (!(hello instanceof Frame.Hello)) {
                channel.close();
                throw new IOException("expected Hello, got frame type " + hello.type());
            }
            return new Caller(channel, body);
        } finally {
            timer.shutdownNow();
        }
    }

    /** Stops listening: a pending {@link #accept} fails at once. */
    void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Nothing to do.
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One host connection driven like the runtime drives it. */
    static final class Caller implements LoadClient.Caller {
        private static final List<Frame.Header> HEADERS =
                List.of(new Frame.Header("content-type", "text/plain; charset=utf-8"));

        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] body;
        private long next;

        Caller(SocketChannel channel, byte[] body) {
            this.channel = channel;
            this.body = body.clone();
            this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        }

        @Override
        public int call() throws IOException {
            String id = "b-" + next++;
            FrameCodec.write(new Frame.Invoke(id, System.currentTimeMillis() + 30_000, HEADERS, body), out);
            Frame answer = FrameCodec.read(in);
            if (answer instanceof Frame.Result result) {
                return result.requestId().equals(id) && Arrays.equals(result.body(), body) ? 200 : LoadClient.BAD_BODY;
            }
            return 500;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do.
            }
        }
    }

    /**
     * A stand-in host in this JVM: connects, says Hello, and answers every Invoke with a Result
     * carrying its body, on a daemon thread, until the socket closes. Measures the socket hop and
     * the frame codec alone.
     */
    static void startEchoHost(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(
                () -> {
                    try (channel) {
                        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                        FrameCodec.write(new Frame.Hello("bench", 0, Echo.class.getName()), out);
                        while (true) {
                            Frame frame = FrameCodec.read(in);
                            if (frame instanceof Frame.Invoke invoke) {
                                FrameCodec.write(
                                        new Frame.Result(
                                                invoke.requestId(),
                                                List.of(new Frame.Header("content-type", "text/plain; charset=utf-8")),
                                                invoke.body()),
                                        out);
                            }
                        }
                    } catch (IOException closed) {
                        // The bench hung up.
                    }
                },
                "bench-echo-host");
        thread.setDaemon(true);
        thread.start();
    }
}
