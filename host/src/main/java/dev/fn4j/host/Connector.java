package dev.fn4j.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Connects to the runtime's Unix domain socket or, for the network transport, its instance port
 * (then writing the token line first), retrying for {@link #RETRY_MILLIS} in case the
 * socket is not listening yet; the runtime creates it before it starts the container.
 */
final class Connector {

    /** How long to keep retrying a failed connect. */
    static final long RETRY_MILLIS = 2000;

    private static final long FIRST_DELAY_MILLIS = 25;
    private static final long MAX_DELAY_MILLIS = 400;

    private Connector() {}

    /** Opens one blocking connection to where the config says, token line already written. */
    static SocketChannel connect(HostConfig config) throws IOException {
        NetworkEndpoint network = config.network();
        if (network == null) {
            return connect(config.socket());
        }
        SocketChannel channel = retrying(
                () -> SocketChannel.open(StandardProtocolFamily.INET),
                new InetSocketAddress(network.host(), network.port()));
        try {
            ByteBuffer preamble = ByteBuffer.wrap(network.preamble());
            while (preamble.hasRemaining()) {
                channel.write(preamble);
            }
            channel.socket().setTcpNoDelay(true);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens one blocking connection.
     *
     * @throws IOException the last connect failure once {@link #RETRY_MILLIS} have passed
     */
    static SocketChannel connect(Path socket) throws IOException {
        return retrying(() -> SocketChannel.open(StandardProtocolFamily.UNIX), UnixDomainSocketAddress.of(socket));
    }

    /** Opens a channel of the right family for each attempt. */
    private interface Opener {
        SocketChannel open() throws IOException;
    }

    private static SocketChannel retrying(Opener opener, SocketAddress address) throws IOException {
        long giveUp = System.nanoTime() + RETRY_MILLIS * 1_000_000L;
        long delay = FIRST_DELAY_MILLIS;
        while (true) {
            SocketChannel channel = opener.open();
            try {
                channel.connect(address);
                return channel;
            } catch (IOException e) {
                channel.close();
                long left = (giveUp - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw e;
                }
                sleep(Math.min(delay, left));
                delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
            }
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry the connect", e);
        }
    }
}
