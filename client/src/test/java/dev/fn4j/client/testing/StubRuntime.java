package dev.fn4j.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the fn4j runtime on 127.0.0.1: it records every request and answers it with the
 * route scripted for its "METHOD /raw/path", else with the answer set for any request, else 404.
 * Tests get one per test method from {@link StubRuntimeExtension}, which closes it afterwards.
 */
public final class StubRuntime {

    /** A canned answer; a blank body is sent as no body. */
    public record Answer(int status, String body, Map<String, String> headers) {}

    /** A route that writes its own answer, e.g. an event stream. */
    public interface Route {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** One request as the stub received it; the path is raw (still percent-encoded). */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        /** The first value of the header, matched regardless of case, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String authorization() {
            return header("Authorization");
        }

        public String prefer() {
            return header("Prefer");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** "METHOD /raw/path", as routes are keyed. */
        public String request() {
            return method + " " + path;
        }
    }

    private final HttpServer server;
    // Many threads: a route that holds its exchange open (a stream, a slow answer) must not
    // keep the next request waiting.
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answers requests without a route; null means 404. */
    private volatile Route fallback;

    private volatile long delayMillis;

    StubRuntime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create(url());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request without a route with this JSON (and Fn-Request-Id req-1). */
    public StubRuntime answer(int status, String json) {
        return answer(status, json, Map.of("Content-Type", "application/json", "Fn-Request-Id", "req-1"));
    }

    /** Answers every request without a route with this body and exactly these headers. */
    public StubRuntime answer(int status, String body, Map<String, String> headers) {
        Answer answer = new Answer(status, body, headers);
        fallback = exchange -> send(exchange, answer);
        return this;
    }

    /** Answers "METHOD /raw/path" with this JSON. */
    public StubRuntime on(String request, int status, String json) {
        return on(request, new Answer(status, json, Map.of("Content-Type", "application/json")));
    }

    public StubRuntime on(String request, Answer answer) {
        return on(request, exchange -> send(exchange, answer));
    }

    public StubRuntime on(String request, Route route) {
        routes.put(request, route);
        return this;
    }

    /** Holds every answer back this long, as a slow runtime would. */
    public StubRuntime delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The requests received so far, oldest first. */
    public List<Received> received() {
        return received;
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    public int count() {
        return received.size();
    }

    /** An event stream: each chunk written and flushed, then a pause, as a runtime would. */
    public static Route events(long pauseMillis, String... chunks) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : chunks) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    /** Writes the answer: its headers, its status and its body if it has one. */
    public static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Received request = new Received(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            received.add(request);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Route route = routes.getOrDefault(request.request(), fallback);
            if (route == null) {
                route = e -> send(
                        e,
                        new Answer(
                                404,
                                "{\"error\":{\"code\":\"not_found\"," + "\"message\":\"no route " + request.request()
                                        + "\"}}",
                                Map.of("Content-Type", "application/json")));
            }
            route.handle(exchange);
        } catch (InterruptedException e) {
            // closed while a route held the exchange
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the client went away, or a route failed: the exchange ends either way
        }
    }

    void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
