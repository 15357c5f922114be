package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.host.testfns.BadHandlers;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupReportTest {

    private static StartupException loadFailure(String className) {
        return catchThrowableOfType(
                () -> HandlerLoader.load(className, StartupReportTest.class.getClassLoader()), StartupException.class);
    }

    @Test
    void missingClassIsReportedByItsOneLine() {
        assertThat(StartupReport.describe(loadFailure("com.example.Nope")))
                .isEqualTo("handler com.example.Nope: class not found on the classpath");
    }

    @Test
    void missingNoArgConstructorIsReportedByItsOneLine() {
        String name = BadHandlers.NoDefaultConstructor.class.getName();

        assertThat(StartupReport.describe(loadFailure(name)))
                .isEqualTo("handler " + name + ": has no public no-argument constructor");
    }

    @Test
    void throwingConstructorIsReportedWithTheUsersFramesOnly() {
        String name = BadHandlers.ThrowingConstructor.class.getName();

        String[] lines = StartupReport.describe(loadFailure(name)).split("\n");

        assertThat(lines[0])
                .isEqualTo("handler " + name + ": constructor threw java.lang.IllegalStateException: no config");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("\tat " + name + ".<init>(BadHandlers.java:");
    }

    @Test
    void stackIsCutAfterFiveLines() {
        IllegalStateException cause = new IllegalStateException("deep");
        StackTraceElement[] frames = new StackTraceElement[8];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.example.Deep", "level" + i, "Deep.java", i + 1);
        }
        cause.setStackTrace(frames);

        String text =
                StartupReport.describe(new StartupException(Exit.BAD_HANDLER, "handler com.example.Deep: x", cause));

        assertThat(text.split("\n")).hasSize(1 + StartupReport.STACK_LINES);
        assertThat(text).endsWith("\tat com.example.Deep.level4(Deep.java:5)");
    }

    @Test
    void throwingStaticInitializerIsSentToTheRuntimeInPlaceOfHello(@TempDir Path dir) throws Exception {
        String name = BadHandlers.ThrowingStaticInitializer.class.getName();
        Path socket = dir.resolve("fn.sock");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(
                    Map.of("FN4J_HANDLER", name, "FN4J_SOCKET", socket.toString()),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));

            Frame frame;
            try (SocketChannel channel = server.accept()) {
                frame = FrameCodec.read(Channels.newInputStream(channel));
            }

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Exit.BAD_HANDLER);
            assertThat(frame).isInstanceOf(Frame.PlatformError.class);
            Frame.PlatformError report = (Frame.PlatformError) frame;
            assertThat(report.requestId()).isEmpty();
            assertThat(report.code()).isEqualTo("handler_failed");
            assertThat(report.fatal()).isTrue();
            String[] lines = report.message().split("\n");
            assertThat(lines[0])
                    .isEqualTo("handler " + name
                            + ": static initializer threw java.lang.IllegalStateException: no database");
            assertThat(lines).hasSize(3);
            assertThat(lines[1]).startsWith("\tat " + name + ".connect(BadHandlers.java:");
            assertThat(lines[2]).startsWith("\tat " + name + ".<clinit>(BadHandlers.java:");
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fn4j-host: " + lines[0] + "\n");
        }
    }
}
