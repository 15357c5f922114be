package dev.fn4j.runtime.http;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.limit.RateLimiter;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Calls functions: {@code POST /v1/functions/{name}/invocations} with the body as input, and the
 * HTTP trigger {@code /fn/{name}/...} with the whole request.
 */
final class InvocationsApi {

    static final HttpString COLD_START = HttpString.tryFromString("Fn-Cold-Start");
    /** Headers that describe one hop of HTTP, not the request; never passed through. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
            "proxy-authenticate", "content-length", "host");

    /** Errors that refuse a call before it runs. */
    private static final Set<ErrorCode> REJECTIONS = Set.of(ErrorCode.QUEUE_FULL,
            ErrorCode.RATE_LIMITED, ErrorCode.CAPACITY_EXHAUSTED, ErrorCode.SHUTTING_DOWN);

    private final PoolRegistry pools;
    private final Invoker invoker;
    private final RateLimiter limiter;
    private final RuntimeMetrics metrics;
    private final long maxBodyBytes;

    InvocationsApi(PoolRegistry pools, Invoker invoker, RateLimiter limiter,
            RuntimeMetrics metrics, long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.pools = pools;
        this.invoker = invoker;
        this.limiter = limiter;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /v1/functions/{name}/invocations}: the body in, the function's output out. */
    void invoke(HttpServerExchange exchange) throws Exception {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        FunctionPool pool = pool(name);
        byte[] body = Bodies.read(exchange, maxBodyBytes);
        List<Frame.Header> headers = new ArrayList<>();
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType != null) {
            headers.add(new Frame.Header("content-type", contentType));
        }
        InvocationResult result = call(exchange, pool, headers, body);
        exchange.setStatusCode(200);
        sendResult(exchange, result);
    }

    /** {@code /fn/{name}/...}: the whole HTTP request in, the function's response out. */
    void trigger(HttpServerExchange exchange) throws Exception {
        String relative = exchange.getRelativePath();
        int slash = relative.indexOf('/', 1);
        String name = slash < 0 ? relative.substring(1) : relative.substring(1, slash);
        String path = slash < 0 ? "/" : relative.substring(slash);
        FunctionPool pool = pool(FunctionName.check(name));
        byte[] body = Bodies.read(exchange, maxBodyBytes);
        List<Frame.Header> headers = new ArrayList<>();
        headers.add(new Frame.Header(Protocol.METHOD, exchange.getRequestMethod().toString()));
        headers.add(new Frame.Header(Protocol.PATH, path));
        headers.add(new Frame.Header(Protocol.QUERY, exchange.getQueryString()));
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String header = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(header)) {
                values.forEach(value -> headers.add(new Frame.Header(header, value)));
            }
        }
        InvocationResult result = call(exchange, pool, headers, body);
        String status = result.header(Protocol.STATUS);
        exchange.setStatusCode(status == null ? 200 : Integer.parseInt(status));
        for (Frame.Header header : result.headers()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (!header.name().startsWith(":") && !HOP_BY_HOP.contains(lower)
                    && !lower.startsWith("fn-")) {
                exchange.getResponseHeaders().add(HttpString.tryFromString(header.name()),
                        header.value());
            }
        }
        sendResult(exchange, result);
    }

    private FunctionPool pool(String name) {
        return pools.get(name).orElseThrow(() -> Deployer.notFound(name));
    }

    /**
     * Takes a token from the client's and the function's buckets, runs the call, and records
     * its outcome.
     */
    private InvocationResult call(HttpServerExchange exchange, FunctionPool pool,
            List<Frame.Header> headers, byte[] body) {
        String name = pool.current().name();
        long start = System.nanoTime();
        try {
            limiter.admitClient(exchange.getSourceAddress().getAddress().getHostAddress());
            limiter.admitFunction(name, pool.current().spec().rateLimit());
            InvocationResult result = invoker.invoke(pool,
                    new InvocationRequest(RequestIds.of(exchange), headers, body));
            metrics.invocation(name, "success", Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (ApiException e) {
            metrics.invocation(name, e.code().code(), Duration.ofNanos(System.nanoTime() - start));
            if (REJECTIONS.contains(e.code())) {
                metrics.rejection(name, e.code().code());
            }
            throw e;
        }
    }

    private static void sendResult(HttpServerExchange exchange, InvocationResult result) {
        exchange.getResponseHeaders().put(COLD_START, Boolean.toString(result.coldStart()));
        String contentType = result.header("content-type");
        if (contentType != null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(result.body()));
    }
}
