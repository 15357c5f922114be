package dev.fn4j.host;

import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: plays the runtime for a real host process. It listens on fn.sock in a temp
 * directory, then starts {@code java -cp <shaded host jar>:<test classes> dev.fn4j.host.Main}
 * with the production JVM flags and the FN4J_* environment.
 */
final class FakeRuntime implements AutoCloseable {

    private final Path dir;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final List<Peer> peers = new ArrayList<>();
    private Process process;
    private long startedNanos;

    private FakeRuntime() throws IOException {
        dir = Files.createTempDirectory("fn4j-host-");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket()));
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Listens, then starts the host with FN4J_HANDLER, FN4J_CONCURRENCY and the extra env. */
    static FakeRuntime start(String handler, int concurrency, Map<String, String> env) throws IOException {
        return start(handler, concurrency, env, List.of(Path.of(required("fn4j.test.classes"))));
    }

    /** Like {@link #start(String, int, Map)} with the function's class path after the host jar. */
    static FakeRuntime start(String handler, int concurrency, Map<String, String> env, List<Path> functionPath)
            throws IOException {
        FakeRuntime runtime = new FakeRuntime();
        runtime.startHost(handler, concurrency, env, functionPath);
        return runtime;
    }

    /**
     * Listens, then starts {@code command}, a host in any language, with the same FN4J_*
     * environment as the Java host gets.
     */
    static FakeRuntime startCommand(List<String> command, String handler, int concurrency, Map<String, String> env)
            throws IOException {
        FakeRuntime runtime = new FakeRuntime();
        runtime.launch(command, handler, concurrency, env);
        return runtime;
    }

    Path socket() {
        return dir.resolve("fn.sock");
    }

    private void startHost(String handler, int concurrency, Map<String, String> env, List<Path> functionPath)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ImageLayout.JVM_FLAGS);
        command.add("-cp");
        StringBuilder classPath = new StringBuilder(hostJar().toString());
        for (Path entry : functionPath) {
            classPath.append(':').append(entry);
        }
        command.add(classPath.toString());
        command.add(ImageLayout.MAIN_CLASS);
        launch(command, handler, concurrency, env);
    }

    private void launch(List<String> command, String handler, int concurrency, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("FN4J_") || name.startsWith("JAVA_TOOL"));
        environment.put("FN4J_SOCKET", socket().toString());
        environment.put("FN4J_INSTANCE_ID", "it-instance");
        environment.put("FN4J_FUNCTION", "it-fn");
        environment.put("FN4J_HANDLER", handler);
        environment.put("FN4J_CONCURRENCY", Integer.toString(concurrency));
        environment.putAll(env);
        startedNanos = System.nanoTime();
        process = builder.start();
    }

    /** The System.nanoTime() just before the host process was started. */
    long startedNanos() {
        return startedNanos;
    }

    static Path hostJar() {
        return Path.of(required("fn4j.host.jar"));
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " is not set; run this through failsafe (mvn verify)");
        }
        return value;
    }

    /** Accepts the host's next connection, failing after the timeout. */
    Peer accept(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SocketChannel channel = server.accept();
            if (channel != null) {
                channel.configureBlocking(true);
                Peer peer = new Peer(channel);
                peers.add(peer);
                return peer;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("no connection within " + timeout + "; host stderr:\n" + stderr());
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }

    /** Waits for the host to exit and returns its exit code. */
    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("host still running after " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The host's stdout and stderr together once both hold every part, or as they are at the
     * timeout: a host may pass its output on in batches (the Java host's within 20 ms).
     */
    String awaitOutput(Duration timeout, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = stdout() + stderr();
            if (Arrays.stream(parts).allMatch(output::contains) || System.nanoTime() > deadline) {
                return output;
            }
            Thread.sleep(5);
        }
    }

    String stdout() {
        try {
            return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read stdout: " + e + ")";
        }
    }

    String stderr() {
        try {
            return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read stderr: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Peer peer : peers) {
            peer.close();
        }
        selector.close();
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
