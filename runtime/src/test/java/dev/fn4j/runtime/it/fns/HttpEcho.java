package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;

/** Describes the request it got, answering 201 with a header of its own. */
public final class HttpEcho implements HttpHandler {
    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String text = request.method() + " " + request.path() + "?" + request.query()
                + " x-test=" + request.header("X-Test")
                + " authorization=" + request.header("Authorization")
                + " body=" + request.bodyAsString();
        return HttpResponse.of(201, text).withHeader("x-echo", "yes").withHeader("content-type", "text/plain");
    }
}
