package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a stem host does while it waits for its function: runs the host's start and one call on a
 * handler of its own, so that the classes any function's start needs are loaded, linked and
 * initialised before the function is known. A failure costs the function's start that time,
 * never the start itself.
 */
final class StemWarmUp {

    /** A record of the shape handlers usually take: text and a number. */
    public record Greeting(String name, int count) {}

    /** The handler the warm-up loads and calls as a function's would be. */
    public static final class Echo implements Handler<Greeting, Greeting> {
        @Override
        public Greeting handle(Greeting input, Context context) {
            return new Greeting(input.name() + "!", input.count() + 1);
        }
    }

    /** Enough for C1 to compile the call path; a few hundred milliseconds of a stem's idle CPU. */
    static final int WARM_UP_CALLS = 3000;

    private StemWarmUp() {}

    static void run(PrintStream err) {
        try {
            // Jackson and the plain codec, as a class-data training run sets them up.
            JsonTraining.run(err);
            ClassLoader host = StemWarmUp.class.getClassLoader();
            FunctionClassLoader.fromClassPath("", FunctionClassLoader.hostLocation(), host)
                    .close();
            Object handler = HandlerLoader.load(Echo.class.getName(), host);
            Contexts contexts = new Contexts("stem", Map.of(), err, Clock.systemUTC());
            Invoker invoker = RequestIdTagging.wrap(Invoker.forHandler(handler, contexts), host);
            byte[] body = "{\"name\":\"Ada\",\"count\":1}".getBytes(StandardCharsets.UTF_8);
            Frame.Invoke invoke =
                    new Frame.Invoke("stem-warm-up", System.currentTimeMillis() + 60_000, List.of(), body);
            // Calls through the frame codec both ways, as a connection makes them, until the JIT
            // has compiled the host's own part of a call: a function's first calls then run it
            // compiled, whatever its handler.
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                FrameCodec.write(invoke, out);
                Frame read = FrameCodec.read(new ByteArrayInputStream(out.toByteArray()));
                Frame answer = invoker.answer((Frame.Invoke) read, new CapturedLog("stem-warm-up", 1024));
                out.reset();
                FrameCodec.write(answer, out);
                FrameCodec.read(new ByteArrayInputStream(out.toByteArray()));
            }
            // The JDK seeds a SecureRandom on a process's first Unix-domain socket.
            SocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (StartupException | IOException | RuntimeException | LinkageError e) {
            err.println("fn4j-host: a stem's warm-up failed; its function's start will load what it needs: " + e);
        }
    }
}
