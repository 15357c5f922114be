package dev.fn4j.host;

import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.testfns.Thrower;
import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void connect() throws IOException {
        Path socket = dir.resolve("fn.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        connection = new Connection(Connector.connect(socket), new Frame.Hello("i-1", 3, "H"),
                Invoker.forHandler(new Thrower(), Frames.contexts()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        thread = new Thread(connection);
        thread.start();
        peer = new Peer(server.accept());
    }

    @AfterEach
    void close() throws IOException {
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
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "fn4j-host: connection 3 closed: unsupported protocol version: 2 (this side speaks 1)\n");
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

        peer.write(new Frame.Result("x", java.util.List.of(), new byte[0]));
        thread.join();

        assertThat(peer.closedByHost()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "fn4j-host: connection 3 closed: expected an Invoke frame, got type 3\n");
    }

    @Test
    void endOfStreamInsideAFrameIsNotClean() throws Exception {
        peer.readHello();

        peer.writeRaw(new byte[] {0, 0, 0, 20, 1, 2, 0});
        peer.close();
        thread.join();

        assertThat(connection.endedCleanly()).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "fn4j-host: connection 3 closed: the stream ended inside a frame of 20 bytes\n");
    }
}
