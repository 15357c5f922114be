package dev.fn4j.runtime.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Objects;

/**
 * One endpoint of the API: its method and path template, who may call it, whether it blocks,
 * whether it still answers while the runtime stops, its handler and a one-line summary. A template
 * ending in {@code /*} is a prefix: it matches the path before it and every path below, which its
 * handler sees as the relative path.
 *
 * @param method an HTTP method, or {@link #ANY_METHOD}
 * @param blocking whether the handler blocks (Docker, a socket, the database, disk): it then runs
 *     on a worker thread with blocking streams, never on an IO thread
 * @param servedWhileStopping whether requests to it are still admitted once the runtime stops
 *     taking new calls (the health check, which then reports the stop); others get 503
 *     {@code shutting_down}
 */
record Route(
        String method,
        String template,
        Access access,
        boolean blocking,
        boolean servedWhileStopping,
        HttpHandler handler,
        String summary) {

    /** The method of a route that takes every method. */
    static final String ANY_METHOD = "*";
    /** The route a request matched; every request past the router has one. */
    static final AttachmentKey<Route> MATCHED = AttachmentKey.create(Route.class);

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(summary, "summary");
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a route's template starts with '/': " + template);
        }
    }

    static Route blocking(String method, String template, Access access, HttpHandler handler, String summary) {
        return new Route(method, template, access, true, false, handler, summary);
    }

    /** A route whose handler never blocks, so it may run on an IO thread. */
    static Route nonBlocking(String method, String template, Access access, HttpHandler handler, String summary) {
        return new Route(method, template, access, false, false, handler, summary);
    }

    /** This route, still admitted while the runtime stops. */
    Route alsoWhileStopping() {
        return new Route(method, template, access, blocking, true, handler, summary);
    }

    /**
     * Whether a blocking request to it runs on the control plane's own threads rather than the
     * workers that calls use: the admin API and the health checks, which must answer while
     * functions saturate the workers.
     */
    boolean controlPlane() {
        return access == Access.ADMIN || access == Access.OPEN;
    }

    /** Whether the template is a prefix ({@code /fn/*}). */
    boolean prefix() {
        return template.endsWith("/*");
    }

    /** The route the router matched for the request. */
    static Route of(HttpServerExchange exchange) {
        Route route = exchange.getAttachment(MATCHED);
        if (route == null) {
            throw new IllegalStateException(
                    "no route on " + exchange.getRequestPath() + ": requests reach handlers only through the router");
        }
        return route;
    }
}
