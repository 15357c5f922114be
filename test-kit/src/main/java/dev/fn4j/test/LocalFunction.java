package dev.fn4j.test;

import dev.fn4j.host.InProcessHost;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A handler run in this JVM through the platform's production mapping: bodies are decoded and
 * encoded, the Context made and errors reported exactly as by the host in a deployed function's
 * container, so that a mapping mistake fails a unit test rather than a deploy. Nothing is
 * isolated and timeouts are not enforced; {@code FnSandbox} runs the function in its container.
 * Thread-safe.
 */
public final class LocalFunction {

    private final InProcessHost host;
    private final String functionName;
    private final Clock clock;
    private final Duration timeout;
    /** Numbers the calls: request ids are {@code test-request-1}, {@code -2}, … */
    private final AtomicLong calls = new AtomicLong();

    private LocalFunction(Builder b, InProcessHost host) {
        this.host = host;
        this.functionName = b.functionName;
        this.clock = b.clock;
        this.timeout = b.timeout;
    }

    /** The handler instance with the defaults: the function {@link TestContext#FUNCTION_NAME}, no config. */
    public static LocalFunction of(Object handler) {
        return builder(handler).build();
    }

    /** A builder for a handler instance you made (with test doubles, say). */
    public static Builder builder(Object handler) {
        return new Builder(Objects.requireNonNull(handler, "handler"), null);
    }

    /**
     * A builder for a handler the host loads by class name from the test's class path, as the
     * deployed function's {@code handler} setting names it; its public no-argument constructor is used.
     */
    public static Builder load(String handlerClassName) {
        if (handlerClassName == null || handlerClassName.isBlank()) {
            throw new IllegalArgumentException("handlerClassName must not be blank: '" + handlerClassName + "'");
        }
        return new Builder(null, handlerClassName);
    }

    /** Calls with a JSON text body, as {@code mvn fn:invoke -Dfn.data=...} and HTTP callers send it. */
    public FnResponse invokeJson(String json) {
        return send(List.of(new Frame.Header("content-type", "application/json")), utf8(json));
    }

    /** Calls with a text body. */
    public FnResponse invokeText(String text) {
        return send(List.of(new Frame.Header("content-type", "text/plain; charset=utf-8")), utf8(text));
    }

    /** Calls with raw bytes. */
    public FnResponse invokeBytes(byte[] body) {
        return send(List.of(new Frame.Header("content-type", "application/octet-stream")), body.clone());
    }

    /**
     * Calls with a value written as the production mapping writes outputs: a String as text, a
     * byte[] as is, anything else as JSON; null as the empty body.
     */
    public FnResponse invoke(Object input) {
        Map.Entry<String, byte[]> encoded = InProcessHost.encode(input);
        List<Frame.Header> headers =
                encoded.getKey() == null ? List.of() : List.of(new Frame.Header("content-type", encoded.getKey()));
        return send(headers, encoded.getValue());
    }

    /**
     * Calls as an HTTP trigger would: for an {@code HttpHandler} (or another platform's HTTP
     * function), with the method, the path and query, and the headers.
     */
    public FnResponse http(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        List<Frame.Header> frameHeaders = new ArrayList<>();
        frameHeaders.add(new Frame.Header(Protocol.METHOD, method.toUpperCase(Locale.ROOT)));
        int query = pathAndQuery.indexOf('?');
        frameHeaders.add(new Frame.Header(Protocol.PATH, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query)));
        if (query >= 0) {
            frameHeaders.add(new Frame.Header(Protocol.QUERY, pathAndQuery.substring(query + 1)));
        }
        headers.forEach((name, value) -> frameHeaders.add(new Frame.Header(name.toLowerCase(Locale.ROOT), value)));
        return send(frameHeaders, body == null ? new byte[0] : body.clone());
    }

    private FnResponse send(List<Frame.Header> headers, byte[] body) {
        String requestId = TestContext.REQUEST_ID + "-" + calls.incrementAndGet();
        long deadline = clock.instant().plus(timeout).toEpochMilli();
        InProcessHost.Answer answer = host.answer(new Frame.Invoke(requestId, deadline, headers, body));
        Frame frame = answer.frame();
        if (frame instanceof Frame.Result result) {
            return success(requestId, result, answer.logs());
        }
        FnError error = frame instanceof Frame.FunctionError thrown
                ? PlatformErrors.of(thrown)
                : PlatformErrors.of((Frame.PlatformError) frame, functionName);
        return new FnResponse(requestId, error.status(), Map.of(), new byte[0], error, answer.logs());
    }

    private static FnResponse success(String requestId, Frame.Result result, String logs) {
        int status = 200;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Frame.Header header : result.headers()) {
            if (header.name().equals(Protocol.STATUS)) {
                status = Integer.parseInt(header.value());
            } else {
                headers.computeIfAbsent(header.name(), name -> new ArrayList<>())
                        .add(header.value());
            }
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new FnResponse(requestId, status, headers, result.body(), null, logs);
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text, "body").getBytes(StandardCharsets.UTF_8);
    }

    /** Builds a {@link LocalFunction}; the defaults are those of {@link TestContext#create()}. */
    public static final class Builder {
        private final Object handler;
        private final String className;
        private String functionName = TestContext.FUNCTION_NAME;
        private final Map<String, String> config = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration timeout = TestContext.TIMEOUT;

        private Builder(Object handler, String className) {
            this.handler = handler;
            this.className = className;
        }

        /** The function's name, as its Context reports it and error messages name it. */
        public Builder functionName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("functionName must not be blank: '" + name + "'");
            }
            this.functionName = name;
            return this;
        }

        /** Adds one config value, as the function's {@code <env>} setting would. */
        public Builder config(String key, String value) {
            config.put(Objects.requireNonNull(key, "config key"), Objects.requireNonNull(value, "config value"));
            return this;
        }

        public Builder config(Map<String, String> values) {
            values.forEach(this::config);
            return this;
        }

        /** The clock deadlines and remaining times are read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The time each call has, from which its Context's deadline is computed. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Makes the function.
         *
         * @throws IllegalArgumentException when the class is no handler the platform could run,
         *     with the message a deploy would fail with
         */
        public LocalFunction build() {
            InProcessHost host = handler != null
                    ? InProcessHost.of(handler, functionName, config, clock)
                    : InProcessHost.load(className, contextLoader(), functionName, config, clock);
            return new LocalFunction(this, host);
        }

        private static ClassLoader contextLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : LocalFunction.class.getClassLoader();
        }
    }
}
