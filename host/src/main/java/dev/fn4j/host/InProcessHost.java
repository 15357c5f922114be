package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Logger;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one handler in this JVM exactly as the host in a container does (the same loading, body
 * mapping, Context, log capture and error frames); the entry point of the fn4j-test kit, and
 * thread-safe. Its API uses JDK and fn4j types only, since the host jar relocates Jackson. The
 * first instance routes System.out and System.err for the rest of the JVM's life, as the host
 * does at start: writes still reach the real streams.
 */
public final class InProcessHost {

    /** Routes System.out and System.err of the threads serving a call; installed once per JVM, on first use. */
    private static LogRouter router;
    /** System.err before routing: where logger lines go besides the call's log, so they are captured once. */
    private static PrintStream realErr;

    private final Invoker invoker;

    private InProcessHost(Invoker invoker) {
        this.invoker = invoker;
    }

    /**
     * Loads the handler class the way the container's host does.
     *
     * @throws IllegalArgumentException with the host's message when the class is no usable handler
     */
    public static InProcessHost load(
            String className, ClassLoader loader, String functionName, Map<String, String> config, Clock clock) {
        Object handler;
        try {
            handler = HandlerLoader.load(className, loader);
        } catch (StartupException e) {
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        }
        return of(handler, functionName, config, clock);
    }

    /**
     * Serves an already made handler instance.
     *
     * @throws IllegalArgumentException when it is no handler, or its input and output types cannot be mapped
     */
    public static InProcessHost of(Object handler, String functionName, Map<String, String> config, Clock clock) {
        Objects.requireNonNull(handler, "handler");
        router();
        Contexts contexts = new Contexts(functionName, config, realErr(), clock);
        try {
            return new InProcessHost(RequestIdTagging.wrap(
                    Invoker.forHandler(handler, contexts), handler.getClass().getClassLoader()));
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(
                    "handler " + handler.getClass().getName() + ": cannot map its input and output types: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The {@link Context} the host gives a call: fixed request id, function, deadline and config,
     * its remaining time read from {@code clock} (never negative); for the test kit's ready context.
     */
    public static Context context(
            String requestId,
            String functionName,
            Instant deadline,
            Map<String, String> config,
            Logger logger,
            Clock clock) {
        return new InvocationContext(requestId, functionName, deadline, Map.copyOf(config), logger, clock);
    }

    /**
     * Runs a whole host in this JVM on the calling thread, as {@link Main} does in a container:
     * reads {@code env} (FN4J_*), loads the handler from {@code classPath} in its own class loader,
     * connects to the runtime's socket and serves until the runtime hangs up. For the runtime's
     * in-process engine, which loads this class from the image's host jar in a class loader of
     * its own per instance. System.out and System.err are not routed to each call's log here (the
     * runtime's own output shares them); the function's logger lines are captured as always.
     *
     * @param classPath the function's class path, as the image's entrypoint gives it to the JVM
     *     (entries separated by the path separator, wildcards expanded)
     * @param err where the host's own messages go
     * @return the host's exit code (0 when the runtime hung up; see docs/protocol.md)
     */
    public static int serve(Map<String, String> env, String classPath, PrintStream err) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(FunctionClassLoader.fromClassPath(
                classPath, FunctionClassLoader.hostLocation(), InProcessHost.class.getClassLoader()));
        try {
            return Main.run(env, err);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Answers one call, capturing what it logs and writes to System.out and System.err.
     *
     * @return the Result, FunctionError or PlatformError, and the call's log text ("" when none)
     */
    public Answer answer(Frame.Invoke invoke) {
        LogRouter routing = router();
        CapturedLog log = new CapturedLog(invoke.requestId(), Protocol.DEFAULT_LOG_LIMIT_BYTES);
        Frame frame;
        routing.begin(log);
        try {
            frame = invoker.answer(invoke, log);
        } catch (RuntimeException | StackOverflowError e) {
            // What Connection does for a call whose invoker itself threw.
            frame = Failures.functionError(invoke.requestId(), e);
        } finally {
            routing.end();
        }
        Frame.Logs logs = log.close();
        return new Answer(frame, logs == null ? "" : logs.text());
    }

    /**
     * A value as the body the production mapping would make of it: text, bytes or JSON.
     *
     * @return the body and its content type (null for the empty body of null)
     * @throws IllegalArgumentException when the value cannot be written, with the platform's message
     */
    public static Map.Entry<String, byte[]> encode(Object value) {
        try {
            BodyCodec.Encoded encoded = BodyCodec.forType(value == null ? Object.class : value.getClass())
                    .encode(value);
            return new java.util.AbstractMap.SimpleImmutableEntry<>(encoded.contentType(), encoded.body());
        } catch (BodyCodec.BodyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A body read as the production mapping reads a handler's input of that type.
     *
     * @throws IllegalArgumentException when the body is no value of the type, with the platform's message
     */
    public static Object decode(byte[] body, Type type) {
        try {
            return BodyCodec.forType(type).decode(body);
        } catch (BodyCodec.BodyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static synchronized LogRouter router() {
        if (router == null) {
            // Writes still reach the real streams; only the serving thread's also go to its call's log.
            realErr = System.err;
            router = LogRouter.install(System.out, System.err);
        }
        return router;
    }

    private static synchronized PrintStream realErr() {
        return realErr;
    }

    /**
     * One call's answer.
     *
     * @param frame a Result, FunctionError or PlatformError carrying the call's request id
     * @param logs what the call logged and printed, in write order
     */
    public record Answer(Frame frame, String logs) {
        public Answer {
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(logs, "logs");
        }
    }
}
