package dev.fn4j.runtime.http;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathMatcher;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.PathTemplateMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Matches each request against the route table once and puts the route on the exchange, matching
 * as Undertow's PathHandler (prefixes, first) and RoutingHandler (templates, whose parameters
 * become query parameters too) do. A request no route takes gets a route answering 404, or 405
 * with {@code Allow} when its path takes other methods; both need an admin key, so that only
 * admins learn the API's shape, except on a path whose routes are all open, and the 405 is served
 * while stopping where all the path's routes are.
 */
final class Router implements HttpHandler {

    private static final HttpString ALLOW = HttpString.tryFromString("Allow");

    /**
     * What a request matched.
     *
     * @param template the template match, or null for a prefix route or no match
     * @param matchedPrefix the part of the path a prefix route took; empty otherwise
     * @param relativePath the rest of the path, which the handler sees
     */
    record Match(Route route, PathTemplateMatch template, String matchedPrefix, String relativePath) {}

    private final PathMatcher<Route> prefixes = new PathMatcher<>();
    private final Map<HttpString, PathTemplateMatcher<Route>> byMethod = new HashMap<>();
    /** For each template, the route answering the methods it does not take. */
    private final PathTemplateMatcher<Route> otherMethods = new PathTemplateMatcher<>();

    private final Route notFound = Route.nonBlocking(
            Route.ANY_METHOD, "/*", Access.ADMIN, Router::notFound, "Answer 404 for a path no route takes");
    private final HttpHandler next;

    /** @throws IllegalArgumentException when two routes take the same method and template */
    Router(List<Route> routes, HttpHandler next) {
        this.next = next;
        Map<String, List<Route>> byTemplate = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.prefix()) {
                if (!route.method().equals(Route.ANY_METHOD)) {
                    throw new IllegalArgumentException(
                            "a prefix route takes every method: " + route.method() + " " + route.template());
                }
                prefixes.addPrefixPath(
                        route.template().substring(0, route.template().length() - 2), route);
                continue;
            }
            PathTemplateMatcher<Route> matcher =
                    byMethod.computeIfAbsent(Methods.fromString(route.method()), method -> new PathTemplateMatcher<>());
            if (matcher.get(route.template()) != null) {
                throw new IllegalArgumentException("two routes take " + route.method() + " " + route.template());
            }
            matcher.add(route.template(), route);
            byTemplate
                    .computeIfAbsent(route.template(), template -> new ArrayList<>())
                    .add(route);
        }
        byTemplate.forEach((template, same) -> otherMethods.add(template, methodNotAllowed(template, same)));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Match match = match(exchange.getRequestMethod(), exchange.getRelativePath());
        if (match.template() != null) {
            exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY, match.template());
            match.template().getParameters().forEach(exchange::addQueryParam);
        }
        exchange.setRelativePath(match.relativePath());
        exchange.setResolvedPath(exchange.getResolvedPath() + match.matchedPrefix());
        exchange.putAttachment(Route.MATCHED, match.route());
        next.handleRequest(exchange);
    }

    /** The route for a request with this method and path; never null. */
    Match match(HttpString method, String path) {
        PathMatcher.PathMatch<Route> prefix = prefixes.match(path);
        if (prefix.getValue() != null) {
            return new Match(prefix.getValue(), null, prefix.getMatched(), prefix.getRemaining());
        }
        PathTemplateMatcher<Route> matcher = byMethod.get(method);
        PathTemplateMatcher.PathMatchResult<Route> found = matcher == null ? null : matcher.match(path);
        if (found != null) {
            return new Match(found.getValue(), found, "", path);
        }
        PathTemplateMatcher.PathMatchResult<Route> other = otherMethods.match(path);
        return new Match(other == null ? notFound : other.getValue(), null, "", path);
    }

    private static void notFound(HttpServerExchange exchange) {
        throw new ApiException(
                ErrorCode.NOT_FOUND,
                "no such endpoint: "
                        + exchange.getRequestMethod() + " " + exchange.getRequestPath()
                        + "; see docs/api.md");
    }

    private static Route methodNotAllowed(String template, List<Route> routes) {
        String allow = routes.stream().map(Route::method).sorted().distinct().collect(Collectors.joining(", "));
        boolean open = routes.stream().allMatch(route -> route.access() == Access.OPEN);
        boolean servedWhileStopping = routes.stream().allMatch(Route::servedWhileStopping);
        Route route = Route.nonBlocking(
                Route.ANY_METHOD,
                template,
                open ? Access.OPEN : Access.ADMIN,
                exchange -> {
                    exchange.getResponseHeaders().put(ALLOW, allow);
                    throw new ApiException(
                            ErrorCode.METHOD_NOT_ALLOWED,
                            "method "
                                    + exchange.getRequestMethod() + " is not allowed on "
                                    + exchange.getRequestPath() + "; use " + allow);
                },
                "Answer 405 for a method " + template + " does not take");
        return servedWhileStopping ? route.alsoWhileStopping() : route;
    }
}
