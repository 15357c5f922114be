package dev.fn4j.runtime.http;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.call.Calls;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Trampoline;
import dev.fn4j.runtime.log.LogSetup;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Calls functions: {@code POST /v1/functions/{name}/invocations} with the body as input (at once,
 * or with {@code Prefer: respond-async} answered 202 and run later), and the HTTP trigger
 * {@code /fn/{name}/...} with the whole request. Either, asked with {@code Accept: text/event-stream},
 * answers as a {@link StreamedCall}.
 */
final class InvocationsApi {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationsApi.class);

    static final HttpString COLD_START = HttpString.tryFromString("Fn-Cold-Start");
    private static final HttpString PREFER = HttpString.tryFromString("Prefer");
    private static final HttpString PREFERENCE_APPLIED = HttpString.tryFromString("Preference-Applied");
    /** Bounds {@link #warnedDrops}, so that many functions or header sets cannot grow it without end. */
    private static final int MAX_WARNED_DROPS = 10_000;

    /** Made on the first synchronous call, from its port's worker pool (see {@link #trampoline}). */
    private volatile Trampoline trampoline;

    private final Calls calls;
    /** "function [names]" of the drops already logged; at most {@link #MAX_WARNED_DROPS}. */
    private final Set<String> warnedDrops = ConcurrentHashMap.newKeySet();

    private final long maxBodyBytes;
    /** Carries a call's lines to a caller that asked for an event stream. */
    private final InvocationEvents events;

    /** Registers callbacks of asynchronous calls. */
    private final Addons addons;

    InvocationsApi(Calls calls, long maxBodyBytes) {
        this(calls, new InvocationEvents(), maxBodyBytes, Addons.NONE);
    }

    InvocationsApi(Calls calls, InvocationEvents events, long maxBodyBytes, Addons addons) {
        this.addons = addons;
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.calls = calls;
        this.events = events;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * {@code POST /v1/functions/{name}/invocations}: the body in, the function's output out; with
     * {@code Prefer: respond-async}, 202 and the invocation's {@code Location} once it is stored.
     */
    void invoke(HttpServerExchange exchange) throws Exception {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        calls.requireDeployed(name);
        byte[] body = Bodies.read(exchange, maxBodyBytes);
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (Prefer.respondAsync(exchange.getRequestHeaders().get(PREFER))) {
            String id = RequestIds.of(exchange);
            Invocation queued = addons.submit(
                    exchange, name, id, () -> calls.submit(client(exchange), name, id, body, contentType));
            String location = "/v1/invocations/" + queued.id();
            exchange.getResponseHeaders().put(Headers.LOCATION, location);
            exchange.getResponseHeaders().put(PREFERENCE_APPLIED, "respond-async");
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("id", queued.id());
            accepted.put("status", queued.status().wire());
            accepted.put("location", location);
            Json.send(exchange, 202, accepted);
            return;
        }
        Addons.refuseCallback(exchange);
        List<Frame.Header> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(new Frame.Header("content-type", contentType));
        }
        if (StreamedCall.wanted(exchange)) {
            StreamedCall.start(exchange, events, RequestIds.of(exchange), detailed(exchange), () -> {
                InvocationResult result = call(exchange, name, headers, body);
                String type = result.header("content-type");
                List<Frame.Header> answered = type != null && FunctionResponse.isFieldValue(type)
                        ? List.of(new Frame.Header("content-type", type))
                        : List.of();
                return new StreamedCall.Answer(200, answered, result.body(), result.coldStart());
            });
            return;
        }
        callThenAnswer(exchange, name, headers, body, result -> {
            exchange.setStatusCode(200);
            sendResult(exchange, result);
        });
    }

    /**
     * {@code /fn/{name}/...}: the whole HTTP request in, the function's response out. Starts on the
     * IO thread: its body is received without blocking and the call sent to its instance without
     * waiting for the answer, so that a call costs no hand-off to a worker (docs/benchmarks.md,
     * "Issue 11, ninth pass"). A streamed call runs on a worker, as it blocks for its whole run.
     */
    void trigger(HttpServerExchange exchange) throws Exception {
        String relative = exchange.getRelativePath();
        int slash = relative.indexOf('/', 1);
        String name = slash < 0 ? relative.substring(1) : relative.substring(1, slash);
        String path = slash < 0 ? "/" : relative.substring(slash);
        calls.requireDeployed(FunctionName.check(name));
        if (StreamedCall.wanted(exchange)) {
            if (exchange.isInIoThread()) {
                boolean detailed = detailed(exchange);
                Runnable streamed = withRequestId(RequestIds.of(exchange), () -> {
                    try {
                        triggerStreamed(exchange, name, path);
                    } catch (Exception e) {
                        ErrorResponses.send(exchange, e, detailed);
                    }
                });
                exchange.dispatch(streamed);
                return;
            }
            triggerStreamed(exchange, name, path);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > maxBodyBytes) {
            throw Bodies.tooLarge(declared, maxBodyBytes);
        }
        boolean detailed = detailed(exchange);
        String requestId = RequestIds.of(exchange);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) Math.min(maxBodyBytes, Integer.MAX_VALUE));
        receiver.receiveFullBytes(
                (received, body) -> withRequestId(requestId, () -> {
                            try {
                                triggerWith(received, name, path, body);
                            } catch (RuntimeException e) {
                                ErrorResponses.send(received, e, detailed);
                            }
                        })
                        .run(),
                (failed, e) -> ErrorResponses.send(
                        failed,
                        e instanceof Receiver.RequestToLargeException
                                ? Bodies.tooLarge(maxBodyBytes + 1, maxBodyBytes)
                                : e,
                        detailed));
    }

    /** A trigger's call with its body received. */
    private void triggerWith(HttpServerExchange exchange, String name, String path, byte[] body) {
        callThenAnswer(exchange, name, triggerHeaders(exchange, path), body, result -> {
            FunctionResponse response = response(name, result);
            exchange.getResponseHeaders().put(COLD_START, Boolean.toString(result.coldStart()));
            response.send(exchange);
        });
    }

    /** A trigger's call answered as Server-Sent Events while it runs; on a worker, blocking. */
    private void triggerStreamed(HttpServerExchange exchange, String name, String path) throws Exception {
        exchange.startBlocking();
        byte[] body = Bodies.read(exchange, maxBodyBytes);
        List<Frame.Header> headers = triggerHeaders(exchange, path);
        StreamedCall.start(exchange, events, RequestIds.of(exchange), detailed(exchange), () -> {
            InvocationResult result = call(exchange, name, headers, body);
            FunctionResponse response = response(name, result);
            return new StreamedCall.Answer(response.status(), response.headers(), response.body(), result.coldStart());
        });
    }

    /** The request's method, path, query and the headers a function is given, as frame headers. */
    private static List<Frame.Header> triggerHeaders(HttpServerExchange exchange, String path) {
        List<Frame.Header> headers = new ArrayList<>();
        headers.add(
                new Frame.Header(Protocol.METHOD, exchange.getRequestMethod().toString()));
        headers.add(new Frame.Header(Protocol.PATH, path));
        headers.add(new Frame.Header(Protocol.QUERY, exchange.getQueryString()));
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String header = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (FunctionResponse.passedToFunction(header)) {
                values.forEach(value -> headers.add(new Frame.Header(header, value)));
            }
        }
        return headers;
    }

    /** The HTTP response a function's result makes, the headers it may not set logged as dropped. */
    private FunctionResponse response(String name, InvocationResult result) {
        FunctionResponse response = FunctionResponse.of(result);
        if (!response.dropped().isEmpty()) {
            warnDropped(name, response.dropped());
        }
        return response;
    }

    /**
     * Logs once per function and set of dropped header names: a function that sets, say,
     * {@code Connection} on every answer must not write a log line per call on this path.
     */
    private void warnDropped(String name, List<String> dropped) {
        String key = name + " " + dropped;
        if (warnedDrops.size() < MAX_WARNED_DROPS && warnedDrops.add(key)) {
            LOG.warn(
                    "function '{}' set response headers the runtime does not pass on (see docs/api.md,"
                            + " HTTP triggers): {}; not logged again for this function and these headers",
                    name,
                    dropped);
        }
    }

    /** Runs a synchronous call: admitted, run and recorded by {@link Calls#call}. */
    private InvocationResult call(HttpServerExchange exchange, String name, List<Frame.Header> headers, byte[] body) {
        return calls.call(client(exchange), name, request(exchange, headers, body));
    }

    /**
     * Runs a synchronous call, admitted, run and recorded by {@link Calls#callAsync}, and sends
     * {@code answer}'s response or the call's error. No thread waits for it: the handler returns,
     * and the answer is sent from the thread that reads it from the instance; a call that waits for
     * a slot is sent by the call that frees one, on its thread ({@link Trampoline}, held until this
     * handler has returned: {@link HeldUntilReturned}). A call that has already ended when the
     * handler gets it back (refused, or on a connection that answers at once) is answered here.
     */
    private void callThenAnswer(
            HttpServerExchange exchange,
            String name,
            List<Frame.Header> headers,
            byte[] body,
            Consumer<InvocationResult> answer) {
        InvocationRequest request = request(exchange, headers, body);
        HeldUntilReturned continuation =
                new HeldUntilReturned(trampoline(exchange), task -> withRequestId(request.requestId(), task));
        CompletableFuture<InvocationResult> call = calls.callAsync(client(exchange), name, request, continuation);
        if (call.isDone()) {
            answer.accept(resultOf(call));
            return;
        }
        boolean detailed = detailed(exchange);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            call.whenComplete((result, error) -> {
                if (error != null) {
                    ErrorResponses.send(exchange, error, detailed);
                    return;
                }
                try {
                    answer.accept(result);
                } catch (RuntimeException e) {
                    ErrorResponses.send(exchange, e, detailed);
                }
            });
            continuation.handlerReturned();
        });
    }

    /** The result of a call that has ended, or the exception it ended with, thrown. */
    private static InvocationResult resultOf(CompletableFuture<InvocationResult> ended) {
        try {
            return ended.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The calls' trampoline, made once from the worker pool that every call on this port shares. */
    private Trampoline trampoline(HttpServerExchange exchange) {
        Trampoline made = trampoline;
        if (made == null) {
            // A race makes two alike; either serves.
            made = new Trampoline(exchange.getConnection().getWorker());
            trampoline = made;
        }
        return made;
    }

    private static InvocationRequest request(HttpServerExchange exchange, List<Frame.Header> headers, byte[] body) {
        return new InvocationRequest(
                RequestIds.of(exchange),
                headers,
                body,
                exchange.getRequestMethod().toString(),
                exchange.getRequestPath());
    }

    /** {@code task}, with the call's request id on its log lines wherever it runs. */
    private static Runnable withRequestId(String requestId, Runnable task) {
        return () -> {
            MDC.put(LogSetup.REQUEST_ID, requestId);
            try {
                task.run();
            } finally {
                MDC.remove(LogSetup.REQUEST_ID);
            }
        };
    }

    /** Whether errors on this route carry their details, as its plain error answers do. */
    private static boolean detailed(HttpServerExchange exchange) {
        return Route.of(exchange).access().detailedErrors();
    }

    /** Who a call counts against for client limits: its key, or on a public trigger its address. */
    private static String client(HttpServerExchange exchange) {
        ApiKey key = exchange.getAttachment(Authentication.CALLER);
        return key != null
                ? "API key '" + key.id() + "'"
                : "client " + exchange.getSourceAddress().getAddress().getHostAddress();
    }

    private static void sendResult(HttpServerExchange exchange, InvocationResult result) {
        exchange.getResponseHeaders().put(COLD_START, Boolean.toString(result.coldStart()));
        String contentType = result.header("content-type");
        // An HttpHandler called through the API chooses this value too; it must not inject headers.
        if (contentType != null && FunctionResponse.isFieldValue(contentType)) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        }
        EndOnIoThread.send(exchange, ByteBuffer.wrap(result.body()));
    }
}
