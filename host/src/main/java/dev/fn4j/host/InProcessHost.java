package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.time.Clock;
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
