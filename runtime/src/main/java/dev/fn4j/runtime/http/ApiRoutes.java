package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatcher;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes requests by method and path template, answering unknown paths with 404 and known paths
 * with a wrong method with 405 and an {@code Allow} header, both in the API's error shape.
 */
final class ApiRoutes {

    private final RoutingHandler routing = Handlers.routing();
    /** The methods each template accepts, for {@code Allow}. */
    private final PathTemplateMatcher<Set<String>> allowed = new PathTemplateMatcher<>();

    ApiRoutes() {
        routing.setFallbackHandler(exchange -> ErrorResponses.send(exchange,
                new ApiException(ErrorCode.NOT_FOUND, "no such endpoint: "
                        + exchange.getRequestMethod() + " " + exchange.getRequestPath()
                        + "; see docs/api.md"), true));
        routing.setInvalidMethodHandler(exchange -> {
            var match = allowed.match(exchange.getRelativePath());
            String allow = match == null ? "" : String.join(", ", match.getValue());
            exchange.getResponseHeaders().put(HttpString.tryFromString("Allow"), allow);
            ErrorResponses.send(exchange, new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
                    "method " + exchange.getRequestMethod() + " is not allowed on "
                            + exchange.getRequestPath() + "; use " + allow), true);
        });
    }

    ApiRoutes get(String template, HttpHandler handler) {
        return add(Methods.GET, template, handler);
    }

    ApiRoutes post(String template, HttpHandler handler) {
        return add(Methods.POST, template, handler);
    }

    ApiRoutes put(String template, HttpHandler handler) {
        return add(Methods.PUT, template, handler);
    }

    ApiRoutes delete(String template, HttpHandler handler) {
        return add(Methods.DELETE, template, handler);
    }

    HttpHandler handler() {
        return routing;
    }

    private ApiRoutes add(HttpString method, String template, HttpHandler handler) {
        routing.add(method, template, handler);
        Set<String> methods = allowed.get(template);
        if (methods == null) {
            methods = new TreeSet<>();
            allowed.add(template, methods);
        }
        methods.add(method.toString());
        return this;
    }
}
