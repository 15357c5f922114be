package dev.fn4j.test.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;

/** An HTTP handler that answers with what it was asked. */
public class Paths implements HttpHandler {

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        return HttpResponse.of(201, request.method() + " " + request.path() + "?" + request.query());
    }
}
