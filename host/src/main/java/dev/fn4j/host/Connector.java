package dev.fn4j.host;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Connects to the runtime's Unix domain socket, retrying for {@link #RETRY_MILLIS} in case the
 * socket is not listening yet; the runtime creates it before it starts the container.
 */
final class Connector {

    /** How long to keep retrying a failed connect. */
    static final long RETRY_MILLIS = 2000;

    private static final long FIRST_DELAY_MILLIS = 25;
    private static final long MAX_DELAY_MILLIS = 400;

    private Connector() {}

    /**
     * Opens one blocking connection.
     *
     * @throws IOException the last connect failure once {@link #RETRY_MILLIS} have passed
     */
    static SocketChannel connect(Path socket) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        long giveUp = System.nanoTime() + RETRY_MILLIS * 1_000_000L;
        long delay = FIRST_DELAY_MILLIS;
        while (true) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
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
