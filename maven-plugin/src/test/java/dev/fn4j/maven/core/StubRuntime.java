package dev.fn4j.maven.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A stand-in for the runtime on 127.0.0.1: canned answers per "METHOD /path", recorded requests. */
final class StubRuntime implements AutoCloseable {

    record Answer(int status, String body, Map<String, String> headers) {}

    /** A route that writes its own answer, e.g. an event stream. */
    interface Raw {
        void handle(HttpExchange exchange) throws Exception;
    }

    record Received(String method, String path, String query, String authorization, String prefer,
            byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Raw> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubRuntime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubRuntime on(String request, int status, String json) {
        return on(request, new Answer(status, json, Map.of("Content-Type", "application/json")));
    }

    StubRuntime on(String request, Answer answer) {
        answers.put(request, exchange -> send(exchange, answer));
        return this;
    }

    StubRuntime on(String request, Raw raw) {
        answers.put(request, raw);
        return this;
    }

    /** An event stream: each chunk written and flushed, then a pause. */
    static Raw events(long pauseMillis, String... chunks) {
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

    static String event(String json) {
        String status = json.replaceAll("(?s).*\"status\":\"([a-z_]+)\".*", "$1");
        return "event: " + status + "\ndata: " + json + "\n\n";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Prefer"),
                    exchange.getRequestBody().readAllBytes()));
            Raw answer = answers.getOrDefault(key, e -> send(e, new Answer(404,
                    "{\"error\":{\"code\":\"not_found\",\"message\":\"no route " + key + "\"}}", Map.of())));
            answer.handle(exchange);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
