package dev.fn4j.host;

import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.host.testfns.Thrower;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConnectionTest {

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private Connection connection;
    private Thread thread;
    private Peer peer;
    /** Connections a test opened besides {@link #peer}. */
    private final List<Peer> more = new ArrayList<>();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LogRouter router = new LogRouter();
    private final ByteArrayOutputStream realOut = new ByteArrayOutputStream();
    private final PrintStream routedOut = router.route(new PrintStream(realOut, true, StandardCharsets.UTF_8));

    @BeforeEach
    void connect() throws IOException {
        Path socket = dir.resolve("fn.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        connection = connection(new Thrower(), Protocol.DEFAULT_LOG_LIMIT_BYTES);
        thread = new Thread(connection);
        thread.start();
        peer = new Peer(server.accept());
    }

    /** A connection to the test's socket, serving the handler once run. */
    private Connection connection(Object handler, int logLimitBytes) throws IOException {
        return new Connection(
                Connector.connect(dir.resolve("fn.sock")),
                new Frame.Hello("i-1", 3, "H"),
                Invoker.forHandler(handler, Frames.contexts()),
                router,
                logLimitBytes,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Prints its input to a routed stream, logs it, and answers "ok:" and the input. */
    public static final class Printer implements Handler<String, String> {
        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public String handle(String input, Context context) {
            if (!input.equals("quiet")) {
                out.println("printed " + input);
                context.logger().info("logged " + input);
            }
            return "ok:" + input;
        }
    }

    @AfterEach
    void close() throws IOException {
        for (Peer served : more) {
            served.close();
        }
        peer.close();
        server.close();
    }

    @Test
    void sendsHelloFirstThenAnswersEachInvokeWithItsRequestId() throws Exception {
        assertThat(peer.read()).isEqualTo(new Frame.Hello("i-1", 3, "H"));

        Frame.Result first = (Frame.Result) peer.call(invoke("a", "x"));
        Frame.FunctionError second = (Frame.FunctionError) peer.call(invoke("b", "boom"));
        Frame.Result third = (Frame.Result) peer.call(invoke("c", "y"));

        assertThat(first.requestId()).isEqualTo("a");
        assertThat(text(first.body())).isEqualTo("ok:x");
        assertThat(second.requestId()).isEqualTo("b");
        assertThat(third.requestId()).isEqualTo("c");
        assertThat(text(third.body())).isEqualTo("ok:y");
    }

    @Test
    void endOfStreamEndsCleanly() throws Exception {
        peer.readHello();

        peer.close();
        thread.join();

        assertThat(connection.endedCleanly()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unknownVersionClosesTheConnection() throws Exception {
        peer.readHello();

        peer.writeRaw(new byte[] {0, 0, 0, 2, 2, Frame.Invoke.TYPE});
        thread.join();

        assertThat(peer.closedByHost()).isTrue();
        assertThat(connection.endedCleanly()).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fn4j-host: connection 3 closed: unsupported protocol version: 2 (this side speaks 1)\n");
    }

    @Test
    void unknownTypeClosesTheConnection() throws Exception {
        peer.readHello();

        peer.writeRaw(new byte[] {0, 0, 0, 2, 1, 9});
        thread.join();

        assertThat(peer.closedByHost()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown frame type: 9");
    }

    @Test
    void frameOtherThanInvokeClosesTheConnection() throws Exception {
        peer.readHello();

        peer.write(new Frame.Result("x", List.of(), new byte[0]));
        thread.join();

        assertThat(peer.closedByHost()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fn4j-host: connection 3 closed: expected an Invoke frame, got type 3\n");
    }

    @Test
    void endOfStreamInsideAFrameIsNotClean() throws Exception {
        peer.readHello();

        peer.writeRaw(new byte[] {0, 0, 0, 20, 1, 2, 0});
        peer.close();
        thread.join();

        assertThat(connection.endedCleanly()).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fn4j-host: connection 3 closed: the stream ended inside a frame of 20 bytes\n");
    }

    @Test
    void logsOfACallArriveJustBeforeItsAnswer() throws Exception {
        Peer printing = serve(new Printer(routedOut), 1024);

        printing.write(invoke("a", "one"));
        Frame first = printing.read();
        Frame second = printing.read();

        assertThat(first)
                .isEqualTo(new Frame.Logs("a", "printed one\n2026-01-02T03:04:05Z INFO [a] logged one\n", false));
        assertThat(second).isInstanceOf(Frame.Result.class);
        assertThat(((Frame.Result) second).requestId()).isEqualTo("a");
        assertThat(realOut.toString(StandardCharsets.UTF_8)).isEqualTo("printed one\n");
    }

    @Test
    void callThatWritesNothingGetsNoLogsFrame() throws Exception {
        Peer printing = serve(new Printer(routedOut), 1024);

        Frame answer = printing.call(invoke("q", "quiet"));

        assertThat(answer).isInstanceOf(Frame.Result.class);
    }

    @Test
    void logsOfEachCallHoldOnlyThatCall() throws Exception {
        Peer printing = serve(new Printer(routedOut), 1024);

        printing.write(invoke("a", "one"));
        Frame.Logs first = (Frame.Logs) printing.read();
        printing.read();
        printing.write(invoke("b", "two"));
        Frame.Logs second = (Frame.Logs) printing.read();

        assertThat(first.text()).contains("one").doesNotContain("two");
        assertThat(second.requestId()).isEqualTo("b");
        assertThat(second.text()).contains("two").doesNotContain("one");
    }

    @Test
    void limitZeroSendsNoLogsFrameButStillWritesThrough() throws Exception {
        Peer printing = serve(new Printer(routedOut), 0);

        Frame answer = printing.call(invoke("a", "one"));

        assertThat(answer).isInstanceOf(Frame.Result.class);
        assertThat(realOut.toString(StandardCharsets.UTF_8)).isEqualTo("printed one\n");
    }

    @Test
    void overLimitLogsEndWithTheMarker() throws Exception {
        Peer printing = serve(new Printer(routedOut), 8);

        printing.write(invoke("a", "one"));
        Frame.Logs logs = (Frame.Logs) printing.read();

        assertThat(logs).isEqualTo(new Frame.Logs("a", "printed \n… [fn4j: log truncated after 8 bytes]\n", true));
        assertThat(printing.read()).isInstanceOf(Frame.Result.class);
    }

    /** A second connection, serving the handler, with its Hello read. */
    private Peer serve(Object handler, int logLimitBytes) throws IOException {
        new Thread(connection(handler, logLimitBytes)).start();
        Peer served = new Peer(server.accept());
        more.add(served);
        served.readHello();
        return served;
    }
}
