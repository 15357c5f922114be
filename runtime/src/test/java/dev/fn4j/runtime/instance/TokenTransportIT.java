package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.it.fns.Greeter;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network transport between processes on loopback: the real shaded host jar dials the
 * runtime's {@link TokenListener} with FN4J_RUNTIME_ADDRESS and FN4J_INSTANCE_TOKEN.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenTransportIT {

    private static final String INSTANCE = "0a1b2c3d4e5f";

    @TempDir
    Path dir;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final InstanceTokens tokens = new InstanceTokens(Clock.systemUTC());
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private TokenListener listener;

    @BeforeEach
    void listen() throws IOException {
        listener = TokenListener.open(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tokens, Duration.ofSeconds(5), timers);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        listener.close();
        timers.shutdownNow();
    }

    @Test
    void hostWithTheRightTokenIsServedOnEveryConnection() throws Exception {
        NetworkHosts hosts = new NetworkHosts();
        String token = tokens.issue(INSTANCE, 2, Duration.ofSeconds(30), hosts::admit);
        Process host = startHost(INSTANCE, token, 2);
        List<HostConnection> connections = hosts.awaitHosts(2, INSTANCE);
        for (HostConnection connection : connections) {
            Frame frame = connection.call(invoke("{\"name\":\"Ada\"}")).frame();
            assertThat(frame).isInstanceOf(Frame.Result.class);
            assertThat(new String(((Frame.Result) frame).body(), StandardCharsets.UTF_8))
                    .contains("\"message\":\"Hello, Ada!\"");
        }
        assertThat(tokens.outstanding()).isZero();
        connections.forEach(HostConnection::close);
        assertThat(host.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(host.exitValue()).isZero();
    }

    @Test
    void hostWithAWrongTokenIsClosedAndNothingIsServed() throws Exception {
        List<SocketChannel> admitted = new CopyOnWriteArrayList<>();
        String token = tokens.issue(INSTANCE, 1, Duration.ofSeconds(30), admitted::add);
        String wrong = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        assertRefused(startHost(INSTANCE, wrong, 1), admitted);
    }

    @Test
    void reusedTokenIsRefused() throws Exception {
        NetworkHosts hosts = new NetworkHosts();
        List<SocketChannel> admitted = new CopyOnWriteArrayList<>();
        String token = tokens.issue(INSTANCE, 1, Duration.ofSeconds(30), channel -> {
            admitted.add(channel);
            hosts.admit(channel);
        });
        Process first = startHost(INSTANCE, token, 1);
        HostConnection served = hosts.awaitHosts(1, INSTANCE).get(0);
        Process second = startHost(INSTANCE, token, 1);
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(admitted).hasSize(1);
        // The first host is still served on its connection.
        assertThat(served.call(invoke("{\"name\":\"Bo\"}")).frame()).isInstanceOf(Frame.Result.class);
        served.close();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        List<SocketChannel> admitted = new CopyOnWriteArrayList<>();
        // Expired when issued: a ttl of a nanosecond is over before the host can dial.
        String token = tokens.issue(INSTANCE, 1, Duration.ofNanos(1), admitted::add);
        assertRefused(startHost(INSTANCE, token, 1), admitted);
    }

    @Test
    void rawBytesInPlaceOfTheTokenLineAreClosedUnanswered() throws Exception {
        try (SocketChannel channel =
                SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()))) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 1, 1, '\n'}));
            java.nio.ByteBuffer answer = java.nio.ByteBuffer.allocate(16);
            assertThat(channel.read(answer)).isEqualTo(-1);
        }
    }

    /**
     * The runtime closed the host's only connection, so the host exited (0 if it saw the end of
     * stream first, 1 if its Hello could not be written), and no connection reached the instance.
     */
    private static void assertRefused(Process host, List<SocketChannel> admitted) throws Exception {
        assertThat(host.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(host.exitValue()).isIn(0, 1);
        assertThat(admitted).isEmpty();
    }

    private static Frame.Invoke invoke(String body) {
        return new Frame.Invoke(
                "req-1", System.currentTimeMillis() + 30_000, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Process startHost(String instanceId, String token, int concurrency) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ImageLayout.JVM_FLAGS.stream()
                .filter(flag -> !flag.startsWith("-Djava.io.tmpdir"))
                .toList());
        command.add("-cp");
        command.add(hostJar() + File.pathSeparator + testClasses());
        command.add(ImageLayout.MAIN_CLASS);
        Path err = Files.createTempFile(dir, "host-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FN4J_") || name.startsWith("JAVA_TOOL"));
        builder.environment().put("FN4J_RUNTIME_ADDRESS", "127.0.0.1:" + listener.port());
        builder.environment().put("FN4J_INSTANCE_ID", instanceId);
        builder.environment().put("FN4J_INSTANCE_TOKEN", token);
        builder.environment().put("FN4J_HANDLER", Greeter.class.getName());
        builder.environment().put("FN4J_FUNCTION", "greeter");
        builder.environment().put("FN4J_CONCURRENCY", Integer.toString(concurrency));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static Path hostJar() {
        return Path.of(System.getProperty("fn4j.test.hostJar", "target/it-host/fn4j-host.jar"));
    }

    private static Path testClasses() {
        try {
            return Path.of(Greeter.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
