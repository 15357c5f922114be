package dev.fn4j.host;

import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServingLoopTest {

    /** A hand-off no test waits for: only the thread that runs the loop serves. */
    private static final long NEVER = TimeUnit.HOURS.toNanos(1);

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private final List<Peer> peers = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Gate gate = new Gate();

    /** Answers "ok:" and its input, and names its thread; "block" waits until released. */
    public static final class Gate implements Handler<String, String> {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);
        volatile CountDownLatch entered = new CountDownLatch(1);

        @Override
        public String handle(String input, Context context) throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            if (input.equals("block")) {
                entered.countDown();
                release.await();
            }
            return "ok:" + input;
        }
    }

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("fn.sock")));
    }

    @AfterEach
    void close() throws IOException {
        gate.release.countDown();
        for (Peer peer : peers) {
            peer.close();
        }
        server.close();
    }

    /** Connects and greets {@code count} connections, then runs a loop over them on a thread of its own. */
    private CompletableFuture<Boolean> serve(int count, long handOffNanos) throws IOException {
        for (int i = 0; i < count; i++) {
            Connection connection = new Connection(
                    Connector.connect(dir.resolve("fn.sock")),
                    new Frame.Hello("i-1", i, "H"),
                    Invoker.forHandler(gate, Frames.contexts()),
                    new LogRouter(),
                    1024,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            connection.greet();
            connections.add(connection);
            Peer peer = new Peer(server.accept());
            peer.readHello();
            peers.add(peer);
        }
        ServingLoop loop = new ServingLoop(connections, handOffNanos);
        return CompletableFuture.supplyAsync(loop::run, command -> new Thread(command, "loop-owner").start());
    }

    @Test
    void callsOnManyConnectionsAreAllServedOnOneThreadWhileNothingWaits() throws Exception {
        serve(4, NEVER);

        for (int i = 0; i < 20; i++) {
            Frame.Result answer = (Frame.Result) peers.get(i % 4).call(invoke("r" + i, "x" + i));
            assertThat(answer.requestId()).isEqualTo("r" + i);
            assertThat(text(answer.body())).isEqualTo("ok:x" + i);
        }

        assertThat(gate.threads).containsExactly("fn4j-serving-1");
    }

    @Test
    void aCallAndAnAnswerLargerThanTheSocketsBuffersGoWhole() throws Exception {
        serve(2, ServingLoop.HAND_OFF);
        String large = "x".repeat(6 * 1024 * 1024);

        Frame.Result answer = (Frame.Result) peers.get(1).call(invoke("big", large));

        assertThat(answer.requestId()).isEqualTo("big");
        assertThat(text(answer.body())).isEqualTo("ok:" + large);
        assertThat(((Frame.Result) peers.get(1).call(invoke("after", "y"))).requestId())
                .isEqualTo("after");
    }

    @Test
    void aCallBlockedInItsHandlerHoldsUpNoCallOnAnotherConnection() throws Exception {
        serve(3, ServingLoop.HAND_OFF);

        peers.get(0).write(invoke("slow", "block"));
        gate.entered.await();
        Frame other = peers.get(1).call(invoke("fast", "x"));
        gate.release.countDown();

        assertThat(((Frame.Result) other).requestId()).isEqualTo("fast");
        assertThat(text(((Frame.Result) peers.get(0).read()).body())).isEqualTo("ok:block");
    }

    @Test
    void callsThatAllBlockRunAtOnceEachOnAThreadOfItsOwn() throws Exception {
        serve(3, ServingLoop.HAND_OFF);
        gate.entered = new CountDownLatch(3);

        for (int i = 0; i < 3; i++) {
            peers.get(i).write(invoke("b" + i, "block"));
        }
        gate.entered.await();
        gate.release.countDown();

        for (int i = 0; i < 3; i++) {
            assertThat(((Frame.Result) peers.get(i).read()).requestId()).isEqualTo("b" + i);
        }
        assertThat(gate.threads).hasSize(3);
    }

    @Test
    void theLoopEndsCleanlyOnceTheRuntimeClosesEveryConnectionBetweenCalls() throws Exception {
        CompletableFuture<Boolean> clean = serve(3, ServingLoop.HAND_OFF);
        peers.get(2).call(invoke("r", "x"));

        for (Peer peer : peers) {
            peer.close();
        }

        assertThat(clean.get()).isTrue();
        assertThat(connections).allMatch(Connection::endedCleanly);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aConnectionThatBreaksTheProtocolEndsAloneAndTheLoopEndsUnclean() throws Exception {
        CompletableFuture<Boolean> clean = serve(2, ServingLoop.HAND_OFF);

        peers.get(1).write(new Frame.Result("x", List.of(), new byte[0]));

        assertThat(peers.get(1).closedByHost()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fn4j-host: connection 1 closed: expected an Invoke frame, got type 3\n");
        assertThat(((Frame.Result) peers.get(0).call(invoke("r", "x"))).requestId())
                .isEqualTo("r");
        assertThat(clean).isNotDone();
        peers.get(0).close();
        assertThat(clean.get()).isFalse();
    }

    @Test
    void aFrameSentDuringACallIsServedAsTheNextCallOnceTheCallEnds() throws Exception {
        serve(2, ServingLoop.HAND_OFF);

        peers.get(0).write(invoke("first", "block"));
        gate.entered.await();
        peers.get(0).write(invoke("second", "x"));
        gate.release.countDown();

        assertThat(((Frame.Result) peers.get(0).read()).requestId()).isEqualTo("first");
        assertThat(((Frame.Result) peers.get(0).read()).requestId()).isEqualTo("second");
    }

    @Test
    void theRuntimeClosingAConnectionDuringItsCallEndsItOnceTheCallEndsWhileTheOthersServeOn() throws Exception {
        CompletableFuture<Boolean> clean = serve(2, ServingLoop.HAND_OFF);

        peers.get(0).write(invoke("slow", "block"));
        gate.entered.await();
        peers.get(0).close();
        assertThat(((Frame.Result) peers.get(1).call(invoke("fast", "x"))).requestId())
                .isEqualTo("fast");
        gate.release.countDown();

        assertThat(((Frame.Result) peers.get(1).call(invoke("after", "y"))).requestId())
                .isEqualTo("after");
        peers.get(1).close();
        assertThat(clean.get()).isFalse();
    }
}
