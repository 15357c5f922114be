package dev.fn4j.runtime.it;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's nginx in front of a runtime, as a production setup puts it: on a loopback port of its
 * own, with a config made here, keeping a pool of keep-alive HTTP/1.1 connections to the runtime,
 * so that a response that breaks a connection breaks a later caller's request. Started by the
 * test as a child process, stopped by {@link #close}; {@code bash scripts/nginx-up.sh} installs it.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The nginx binary on PATH, or in /usr/sbin where Debian puts it for root only. */
    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts nginx proxying every path to {@code 127.0.0.1:upstreamPort}; waits until it listens. */
    static Nginx start(Path binary, int upstreamPort) throws Exception {
        return start(binary, List.of(upstreamPort), Duration.ofSeconds(15));
    }

    /** Starts nginx balancing every path over {@code 127.0.0.1} at each of {@code upstreamPorts}, round robin. */
    static Nginx start(Path binary, List<Integer> upstreamPorts, Duration readTimeout) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-nginx-");
        int port = freePort();
        Files.writeString(
                dir.resolve("nginx.conf"), config(dir, port, upstreamPorts, readTimeout), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, dir, port);
        try {
            Await.until("nginx listens on port " + port, Duration.ofSeconds(20), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx exited: " + nginx.log());
                }
                return listens(port);
            });
        } catch (Throwable e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    int port() {
        return port;
    }

    /** What nginx wrote to its error log and its output. */
    String log() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String file : new String[] {"error.log", "stdout.log"}) {
            Path path = dir.resolve(file);
            if (Files.exists(path)) {
                log.append(Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return log.toString();
    }

    private static String config(Path dir, int port, List<Integer> upstreamPorts, Duration readTimeout) {
        StringBuilder servers = new StringBuilder();
        for (int upstreamPort : upstreamPorts) {
            servers.append("        server 127.0.0.1:").append(upstreamPort).append(";\n");
        }
        // daemon off: nginx stays this test's child; the pool (keepalive) and HTTP/1.1 with an
        // empty Connection header are what keep upstream connections open between callers.
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream runtime {
                %3$s        keepalive 2;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://runtime;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_read_timeout %4$ds;
                        }
                    }
                }
                """.formatted(dir, port, servers, readTimeout.toSeconds());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
