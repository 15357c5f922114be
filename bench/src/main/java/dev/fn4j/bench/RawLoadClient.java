package dev.fn4j.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client: one blocking socket per caller, a request prepared once,
 * and just enough response parsing (status, Content-Length or chunked, Connection: close). It
 * costs far less CPU per call than {@link JdkLoadClient}, which matters when the load generator
 * shares two cores with what it measures.
 */
final class RawLoadClient implements LoadClient {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int MAX_LINE = 16 * 1024;

    private final InetSocketAddress address;
    private final byte[] request;
    private final byte[] body;

    RawLoadClient(URI uri, byte[] body, String apiKey) {
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.body = body.clone();
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
    }

    @Override
    public Caller open() {
        return new RawCaller();
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void close() {
        // Each caller owns its socket.
    }

    private final class RawCaller implements Caller {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        @Override
        public int call() throws IOException {
            if (socket == null) {
                connect();
            }
            try {
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(address, TIMEOUT_MILLIS);
                s.setSoTimeout(TIMEOUT_MILLIS);
                in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                out = s.getOutputStream();
                socket = s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            byte[] answer;
            if (chunked) {
                answer = chunkedBody();
            } else if (length >= 0) {
                answer = in.readNBytes((int) length);
                if (answer.length != length) {
                    throw new EOFException("body ended after " + answer.length + " of " + length);
                }
            } else {
                answer = in.readAllBytes();
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return status == 200 && !Arrays.equals(answer, body) ? BAD_BODY : status;
        }

        private byte[] chunkedBody() throws IOException {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    return all.toByteArray();
                }
                byte[] chunk = in.readNBytes(n);
                if (chunk.length != n) {
                    throw new EOFException("chunk ended early");
                }
                all.writeBytes(chunk);
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed mid-response");
                }
                if (b == '\n') {
                    int end = sb.length();
                    if (end > 0 && sb.charAt(end - 1) == '\r') {
                        sb.setLength(end - 1);
                    }
                    return sb.toString();
                }
                if (sb.length() >= MAX_LINE) {
                    throw new IOException("header line longer than " + MAX_LINE);
                }
                sb.append((char) b);
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Nothing to do.
                }
                socket = null;
            }
        }
    }
}
