package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Answers, by its path, what a new user might write that would break an HTTP exchange if passed
 * on as set: {@code /status/101}, {@code /close}, {@code /chunked}, {@code /length},
 * {@code /spoof}, {@code /crlf}; anything else is {@code 200 ok}.
 */
public final class Misbehaver implements HttpHandler {
    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String path = request.path();
        if (path.startsWith("/status/")) {
            int status = Integer.parseInt(path.substring("/status/".length()));
            return HttpResponse.of(status, "status " + status).withHeader("upgrade", "websocket");
        }
        return switch (path) {
            case "/close" -> HttpResponse.of(200, "bye").withHeader("Connection", "close");
            case "/chunked" -> HttpResponse.of(200, "plain").withHeader("Transfer-Encoding", "chunked");
            case "/length" -> HttpResponse.of(200, "hello").withHeader("Content-Length", "50");
            case "/spoof" ->
                new HttpResponse(
                        200,
                        Map.of("Fn-Request-Id", List.of("spoofed"), "Fn-Cold-Start", List.of("maybe")),
                        new byte[0]);
            case "/crlf" ->
                HttpResponse.of(200, "x")
                        .withHeader("X-A", "1\r\nX-Injected: yes")
                        .withHeader("X-B", "2");
            default -> HttpResponse.of(200, "ok");
        };
    }
}
