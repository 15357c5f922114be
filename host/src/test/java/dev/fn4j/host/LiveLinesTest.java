package dev.fn4j.host;

import static dev.fn4j.host.Frames.invoke;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** LogLines frames: a call's whole lines while it runs, on its own connection, before its Logs. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LiveLinesTest {

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private final LogRouter router = new LogRouter();
    private final PrintStream out =
            router.route(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    private final LogStreamer streamer = LogStreamer.manual();
    private final Stepper stepper = new Stepper(out);
    private final List<Peer> peers = new ArrayList<>();

    /** Prints "{input} 1", waits for the test, prints "{input} 2" and a partial line, answers. */
    static final class Stepper implements Handler<String, String> {
        private final PrintStream out;
        final Map<String, CountDownLatch> printed = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> go = new ConcurrentHashMap<>();

        Stepper(PrintStream out) {
            this.out = out;
        }

        @Override
        public String handle(String input, Context context) throws InterruptedException {
            out.println(input + " 1");
            out.print(input + " half");
            printed.get(input).countDown();
            go.get(input).await();
            out.println(" done");
            out.print(input + " tail");
            return "ok:" + input;
        }

        void expect(String input) {
            printed.put(input, new CountDownLatch(1));
            go.put(input, new CountDownLatch(1));
        }
    }

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("fn.sock")));
    }

    @AfterEach
    void close() throws IOException {
        for (Peer peer : peers) {
            peer.close();
        }
        server.close();
    }

    private Peer serve(int index) throws IOException {
        Connection connection = new Connection(
                Connector.connect(dir.resolve("fn.sock")),
                new Frame.Hello("i-1", index, "H"),
                Invoker.forHandler(stepper, Frames.contexts()),
                router,
                1024,
                streamer,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new Thread(connection).start();
        Peer peer = new Peer(server.accept());
        peers.add(peer);
        peer.readHello();
        return peer;
    }

    @Test
    void linesOfTwoConcurrentCallsStaySeparateAndInOrder() throws Exception {
        Peer a = serve(0);
        Peer b = serve(1);
        stepper.expect("a");
        stepper.expect("b");

        a.write(invoke("ra", "a"));
        b.write(invoke("rb", "b"));
        stepper.printed.get("a").await();
        stepper.printed.get("b").await();
        streamer.flush();

        assertThat(a.read()).isEqualTo(new Frame.LogLines("ra", "a 1\n"));
        assertThat(b.read()).isEqualTo(new Frame.LogLines("rb", "b 1\n"));

        stepper.go.get("a").countDown();
        assertThat(a.read()).isEqualTo(new Frame.Logs("ra", "a 1\na half done\na tail", false));
        assertThat(a.read()).isInstanceOf(Frame.Result.class);

        stepper.go.get("b").countDown();
        assertThat(b.read()).isEqualTo(new Frame.Logs("rb", "b 1\nb half done\nb tail", false));
        assertThat(((Frame.Result) b.read()).requestId()).isEqualTo("rb");
    }

    @Test
    void aFlushWithNoNewWholeLineSendsNothingAndLinesNeverRepeat() throws Exception {
        Peer a = serve(0);
        stepper.expect("a");

        a.write(invoke("ra", "a"));
        stepper.printed.get("a").await();
        streamer.flush();
        streamer.flush();
        stepper.go.get("a").countDown();

        assertThat(a.read()).isEqualTo(new Frame.LogLines("ra", "a 1\n"));
        // The second flush found only the partial line; the rest comes in the Logs record.
        assertThat(a.read()).isEqualTo(new Frame.Logs("ra", "a 1\na half done\na tail", false));
        assertThat(a.read()).isInstanceOf(Frame.Result.class);
    }

    @Test
    void noCallInProgressMeansNoFrames() throws Exception {
        Peer a = serve(0);
        stepper.expect("a");
        a.write(invoke("ra", "a"));
        stepper.printed.get("a").await();
        stepper.go.get("a").countDown();
        assertThat(a.read()).isInstanceOf(Frame.Logs.class);
        assertThat(a.read()).isInstanceOf(Frame.Result.class);

        streamer.flush();
        stepper.expect("q");
        stepper.go.get("q").countDown();
        a.write(invoke("rq", "q"));

        // The first frame after the call's answer belongs to the next call.
        Frame next = a.read();
        assertThat(next).isInstanceOf(Frame.Logs.class);
        assertThat(((Frame.Logs) next).requestId()).isEqualTo("rq");
    }
}
