package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a stem host does while it waits for its function: runs the host's start and one call on a
 * handler of its own, so that the classes any function's start needs are loaded, linked and
 * initialised before the function is known. A failure costs the function's start that time,
 * never the start itself.
 */
final class StemWarmUp {

    /** A record of the shape handlers usually take: text and a number. */
    public record Greeting(String name, int count) {}

    /** A handler of records, which the JSON codec reads and writes. */
    public static final class Echo implements Handler<Greeting, Greeting> {
        @Override
        public Greeting handle(Greeting input, Context context) {
            return new Greeting(input.name() + "!", input.count() + 1);
        }
    }

    /** A handler of text. */
    public static final class TextEcho implements Handler<String, String> {
        @Override
        public String handle(String input, Context context) {
            return input + "!";
        }
    }

    /** A handler of bytes. */
    public static final class BytesEcho implements Handler<byte[], byte[]> {
        @Override
        public byte[] handle(byte[] input, Context context) {
            return input;
        }
    }

    /** One kind of call the warm-up makes: a handler's invoker and a request it takes. */
    record Call(Invoker invoker, Frame.Invoke invoke) {}

    /**
     * Enough for C2 to compile the host's part of a call (3000 left the first seconds of load
     * slow: docs/benchmarks.md, sixth pass); about a second of a stem's CPU, spent before it is
     * needed and only when the host has CPU to spare.
     */
    static final int WARM_UP_CALLS = 20000;

    private StemWarmUp() {}

    static void run(PrintStream err) {
        try {
            // Jackson and the plain codec, as a class-data training run sets them up.
            JsonTraining.run(err);
            ClassLoader host = StemWarmUp.class.getClassLoader();
            FunctionClassLoader.fromClassPath("", FunctionClassLoader.hostLocation(), host)
                    .close();
            Contexts contexts = new Contexts("stem", Map.of(), err, Clock.systemUTC());
            // Handlers of each body kind in turn: every codec is compiled, and the call sites
            // that reach the handler and its codec see several classes, so the code C2 makes for
            // them stays valid when the function's own handler comes.
            List<Call> calls = List.of(
                    call(Echo.class, "{\"name\":\"Ada\",\"count\":1}", contexts, host),
                    call(TextEcho.class, "Ada", contexts, host),
                    call(BytesEcho.class, "Ada", contexts, host));
            callOverASocket(calls, Path.of(System.getProperty("java.io.tmpdir")));
        } catch (StartupException | IOException | RuntimeException | LinkageError e) {
            err.println("fn4j-host: a stem's warm-up failed; its function's start will load what it needs: " + e);
        }
    }

    /** A call of the handler class, loaded as a function's handler is, with {@code body}. */
    static Call call(Class<?> handlerClass, String body, Contexts contexts, ClassLoader host) throws StartupException {
        Object handler = HandlerLoader.load(handlerClass.getName(), host);
        Invoker invoker = RequestIdTagging.wrap(Invoker.forHandler(handler, contexts), host);
        return new Call(
                invoker,
                new Frame.Invoke(
                        "stem-warm-up",
                        System.currentTimeMillis() + 60_000,
                        List.of(),
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Makes {@link #WARM_UP_CALLS} calls, each of {@code calls} in turn, over Unix-domain sockets
     * of its own in {@code tmp}, one per handler, served by a {@link ServingLoop} as a function's
     * connections are, through the frame codec both ways, until the JIT has compiled the host's own
     * part of a call with the types a real connection gives it: a function's first calls then run
     * it compiled, whatever its handler. The socket's file is gone when it returns.
     */
    static void callOverASocket(List<Call> calls, Path tmp) throws IOException {
        Path file = tmp.resolve("fn4j-warm-up-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(file);
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(file);
        List<SocketChannel> runtimeSides = new ArrayList<>();
        List<SocketChannel> hostSides = new ArrayList<>();
        CompletableFuture<Boolean> served = null;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (ServerSocketChannel server =
                ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address)) {
            List<Connection> hosts = new ArrayList<>();
            List<OutputStream> runtimeOut = new ArrayList<>();
            List<InputStream> runtimeIn = new ArrayList<>();
            for (Call call : calls) {
                SocketChannel runtimeSide = SocketChannel.open(address);
                runtimeSides.add(runtimeSide);
                SocketChannel hostSide = server.accept();
                hostSides.add(hostSide);
                Connection host = new Connection(
                        hostSide,
                        new Frame.Hello("stem", hosts.size(), "warm-up"),
                        call.invoker(),
                        new LogRouter(),
                        1024,
                        quiet);
                host.greet();
                hosts.add(host);
                runtimeOut.add(new BufferedOutputStream(Channels.newOutputStream(runtimeSide)));
                InputStream in = new BufferedInputStream(Channels.newInputStream(runtimeSide));
                FrameCodec.read(in);
                runtimeIn.add(in);
            }
            // Served by a loop as a function's connections are, so its code is compiled too.
            served = CompletableFuture.supplyAsync(
                    new ServingLoop(hosts)::run, task -> new Thread(task, "fn4j-warm-up").start());
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                int kind = i % calls.size();
                FrameCodec.write(calls.get(kind).invoke(), runtimeOut.get(kind));
                FrameCodec.read(runtimeIn.get(kind));
            }
        } finally {
            // The runtime's side hangs up first, as a runtime does: the loop ends once it sees every end.
            closeAll(runtimeSides);
            if (served != null) {
                awaitEnd(served);
            }
            closeAll(hostSides);
            Files.deleteIfExists(file);
        }
    }

    private static void closeAll(List<SocketChannel> channels) throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }

    /** Waits a while for the loop to see every connection end; a loop still serving is left to the JVM's exit. */
    private static void awaitEnd(CompletableFuture<Boolean> served) {
        try {
            served.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The warm-up's calls are done; what the loop does now costs the function nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
