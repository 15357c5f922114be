package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.ProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostConnectionTest {

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private SocketChannel host;
    private OutputStream toRuntime;
    private HostConnection connection;

    private static final Frame.Invoke INVOKE = new Frame.Invoke("r1", 0, List.of(), new byte[0]);
    private static final Frame.Result RESULT = new Frame.Result("r1", List.of(), new byte[0]);

    @BeforeEach
    void connect() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("fn.sock"));
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(address);
        host = SocketChannel.open(StandardProtocolFamily.UNIX);
        host.connect(address);
        connection = new HostConnection(server.accept());
        toRuntime = Channels.newOutputStream(host);
    }

    @AfterEach
    void close() throws IOException {
        connection.close();
        host.close();
        server.close();
    }

    /** Has the host read the next call's frame, as a real host does, then send {@code frames}. */
    private void hostSends(Frame... frames) {
        hostAnswers(false, frames);
    }

    /** As {@link #hostSends}, then ends the host's side of the connection. */
    private void hostSendsThenEnds(Frame... frames) {
        hostAnswers(true, frames);
    }

    private void hostAnswers(boolean thenEnd, Frame... frames) {
        Thread answering = new Thread(() -> {
            try {
                received.add(FrameCodec.read(Channels.newInputStream(host)));
                for (Frame frame : frames) {
                    FrameCodec.write(frame, toRuntime);
                }
                if (thenEnd) {
                    host.shutdownOutput();
                }
            } catch (IOException e) {
                // The connection closed under the host: the test's own assertions tell.
            }
        });
        answering.setDaemon(true);
        answering.start();
    }

    /** The frames the host read, in order. */
    private final java.util.concurrent.BlockingQueue<Frame> received = new java.util.concurrent.LinkedBlockingQueue<>();

    @Test
    void answerWithoutLogsHasEmptyLogs() throws IOException {
        hostSends(RESULT);

        Connection.Answer answer = connection.call(INVOKE);

        assertThat(answer.frame()).isInstanceOf(Frame.Result.class);
        assertThat(answer.logs()).isEmpty();
    }

    /** Records what a call's sink receives, in order. */
    private static final class Recording implements LineSink {
        final List<String> seen = new java.util.ArrayList<>();

        @Override
        public void line(String line) {
            seen.add(line);
        }

        @Override
        public void truncated(String marker) {
            seen.add("TRUNCATED " + marker);
        }
    }

    @Test
    void streamedLinesReachTheSinkInOrderAndTheRestOfTheLogsFollowsOnce() throws IOException {
        hostSends(
                new Frame.LogLines("r1", "one\n"),
                new Frame.LogLines("r1", "two\r\nthree\n"),
                new Frame.Logs("r1", "one\ntwo\r\nthree\nfour\nfive", false),
                RESULT);
        Recording sink = new Recording();

        Connection.Answer answer = connection.call(INVOKE, sink);

        assertThat(sink.seen).containsExactly("one", "two", "three", "four", "five");
        assertThat(answer.logs()).isEqualTo("one\ntwo\r\nthree\nfour\nfive");
        assertThat(answer.frame()).isInstanceOf(Frame.Result.class);
    }

    @Test
    void aTruncatedRecordEndsTheLinesWithTheMarker() throws IOException {
        hostSends(
                new Frame.LogLines("r1", "one\n"),
                new Frame.Logs("r1", "one\ntw\n… [fn4j: log truncated after 6 bytes]\n", true),
                RESULT);
        Recording sink = new Recording();

        connection.call(INVOKE, sink);

        assertThat(sink.seen).containsExactly("one", "tw", "TRUNCATED … [fn4j: log truncated after 6 bytes]");
    }

    @Test
    void logLinesForAnotherCallIsAProtocolError() throws IOException {
        hostSends(new Frame.LogLines("r0", "x\n"), RESULT);

        assertThatThrownBy(() -> connection.call(INVOKE, new Recording()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent LogLines for request 'r0' during call 'r1'");
    }

    @Test
    void logsThatDoNotStartWithTheStreamedLinesIsAProtocolError() throws IOException {
        hostSends(new Frame.LogLines("r1", "x\n"), new Frame.Logs("r1", "y\n", false), RESULT);

        assertThatThrownBy(() -> connection.call(INVOKE, new Recording()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent a Logs text for call 'r1' that does not start with its LogLines");
    }

    @Test
    void logLinesAfterTheLogsFrameIsAProtocolError() throws IOException {
        hostSends(new Frame.Logs("r1", "x\n", false), new Frame.LogLines("r1", "y\n"), RESULT);

        assertThatThrownBy(() -> connection.call(INVOKE, new Recording()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent frame type 7 where the answer to call 'r1' belongs");
    }

    @Test
    void streamingMoreThanTheLogLimitIsAProtocolError() throws IOException {
        String big = "x".repeat(dev.fn4j.protocol.Protocol.DEFAULT_LOG_LIMIT_BYTES) + "\n";
        hostSends(new Frame.LogLines("r1", big), RESULT);

        assertThatThrownBy(() -> connection.call(INVOKE, new Recording()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host streamed 65537 bytes of LogLines for call 'r1', more than the log limit of 65536");
    }

    @Test
    void logsBeforeTheAnswerComeWithIt() throws IOException {
        hostSends(
                new Frame.Logs("r1", "hello\n", false),
                new Frame.FunctionError("r1", "java.lang.IllegalStateException", "x", "trace"));

        Connection.Answer answer = connection.call(INVOKE);

        assertThat(answer.frame())
                .isEqualTo(new Frame.FunctionError("r1", "java.lang.IllegalStateException", "x", "trace"));
        assertThat(answer.logs()).isEqualTo("hello\n");
    }

    @Test
    void logsOfAnotherRequestAreAProtocolError() throws IOException {
        hostSends(new Frame.Logs("r0", "stale\n", false), RESULT);

        assertThatThrownBy(() -> connection.call(INVOKE))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent Logs for request 'r0' during call 'r1'");
    }

    @Test
    void secondLogsFrameIsAProtocolError() throws IOException {
        hostSends(new Frame.Logs("r1", "a\n", false), new Frame.Logs("r1", "b\n", false));

        assertThatThrownBy(() -> connection.call(INVOKE))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent frame type 6 where the answer to call 'r1' belongs");
    }

    @Test
    void helloInTheMiddleOfACallIsAProtocolError() throws IOException {
        hostSends(new Frame.Hello("i", 0, "H"));

        assertThatThrownBy(() -> connection.call(INVOKE))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("host sent frame type 1 where the answer to call 'r1' belongs");
    }

    @Test
    void connectionEndingAfterLogsFailsTheCall() throws IOException {
        hostSendsThenEnds(new Frame.Logs("r1", "last words\n", false));

        assertThatThrownBy(() -> connection.call(INVOKE)).isInstanceOf(IOException.class);
    }

    @Test
    void callAsyncReturnsBeforeTheAnswerAndCompletesWithIt() throws Exception {
        java.util.concurrent.CompletableFuture<Connection.Answer> answer = connection.callAsync(INVOKE, LineSink.NONE);

        assertThat(((Frame.Invoke) FrameCodec.read(Channels.newInputStream(host))).requestId())
                .isEqualTo("r1");
        assertThat(answer).isNotDone();
        FrameCodec.write(RESULT, toRuntime);
        assertThat(answer.get(10, TimeUnit.SECONDS).frame()).isInstanceOf(Frame.Result.class);
    }

    @Test
    void closingFailsThePendingCallAtOnce() {
        java.util.concurrent.CompletableFuture<Connection.Answer> answer = connection.callAsync(INVOKE, LineSink.NONE);

        connection.close();

        assertThat(answer).isCompletedExceptionally();
        assertThatThrownBy(answer::join).hasCauseInstanceOf(java.nio.channels.AsynchronousCloseException.class);
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void aSecondCallWhileOneRunsIsRefused() {
        connection.callAsync(INVOKE, LineSink.NONE);

        assertThatThrownBy(() -> connection.callAsync(INVOKE, LineSink.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a host connection carries one call at a time; call 'r1' still runs on it");
    }

    @Test
    void callsAndAnswersLargerThanTheSocketsBuffersGoWhole() throws Exception {
        byte[] large = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(large);
        Frame.Result bigResult = new Frame.Result("r1", List.of(), large);
        hostSends(bigResult);

        Connection.Answer answer = connection.call(new Frame.Invoke("r1", 0, List.of(), large));

        assertThat(((Frame.Invoke) received.take()).body()).isEqualTo(large);
        assertThat(((Frame.Result) answer.frame()).body()).isEqualTo(large);
        // The buffer grown for it goes again: a second, small call still works.
        hostSends(RESULT);
        assertThat(connection.call(INVOKE).frame()).isInstanceOf(Frame.Result.class);
    }

    @Test
    void oneConnectionCarriesCallAfterCall() throws Exception {
        for (int i = 0; i < 50; i++) {
            hostSends(RESULT);
            assertThat(connection.call(INVOKE).frame()).isInstanceOf(Frame.Result.class);
        }
    }

    @Test
    void aFrameWhileNoCallRunsEndsTheConnection() throws Exception {
        FrameCodec.write(RESULT, toRuntime);

        for (int waited = 0; connection.isOpen() && waited < 100; waited++) {
            Thread.sleep(50);
        }

        assertThat(connection.isOpen()).isFalse();
        assertThatThrownBy(() -> connection.call(INVOKE)).isInstanceOf(java.nio.channels.ClosedChannelException.class);
    }
}
