package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers 201 with the request's method, path and query in x- headers, every request header as
 * x-h-NAME with its values, and the request body as the body.
 */
public final class HttpEcho implements HttpHandler {
    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Method", List.of(request.method()));
        headers.put("X-Path", List.of(request.path()));
        headers.put("X-Query", List.of(request.query()));
        new TreeMap<>(request.headers()).forEach((name, values) -> headers.put("x-h-" + name, values));
        return new HttpResponse(201, headers, request.body());
    }
}
