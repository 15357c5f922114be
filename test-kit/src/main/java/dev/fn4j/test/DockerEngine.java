package dev.fn4j.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine answers where the runtime would look for it ({@code DOCKER_HOST}, else
 * {@code /var/run/docker.sock}), asked with a plain {@code GET /_ping}: JDK only, so that a test
 * without Docker is skipped before anything heavier loads.
 */
final class DockerEngine {

    static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    private static final byte[] PING =
            "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private DockerEngine() {}

    /** Null when an engine answered; otherwise why none is usable, in the user's terms. */
    static String unavailableReason(String dockerHost) {
        String where = dockerHost == null || dockerHost.isBlank() ? "unix://" + DEFAULT_SOCKET : dockerHost;
        try {
            String answer =
                    where.startsWith("unix://") ? pingUnix(Path.of(where.substring(7))) : pingTcp(URI.create(where));
            if (answer.startsWith("HTTP/1.") && answer.contains(" 200 ")) {
                return null;
            }
            return "the Docker engine at " + where + " answered /_ping with '" + firstLine(answer) + "'";
        } catch (IOException | IllegalArgumentException e) {
            return "no Docker engine answers at " + where + " (" + e.getMessage()
                    + "); start one, or set DOCKER_HOST, to run the tests that use the fn4j sandbox";
        }
    }

    private static String pingUnix(Path socket) throws IOException {
        if (!Files.exists(socket)) {
            throw new IOException(socket + " does not exist");
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(PING));
            return read(Channels.newInputStream(channel));
        }
    }

    private static String pingTcp(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(PING);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readNBytes(512), StandardCharsets.US_ASCII);
    }

    private static String firstLine(String answer) {
        int end = answer.indexOf('\r');
        return end < 0 ? answer : answer.substring(0, end);
    }
}
