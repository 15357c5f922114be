package dev.fn4j.runtime.http;

import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.auth.LoopbackTrust;
import dev.fn4j.runtime.auth.Scope;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Lets a request on to its matched route when its key covers the route's {@link Access}, and
 * moves it to a worker thread first when its key must be checked against the database (it is not
 * cached yet) or its route blocks, so IO threads never block; a control-plane route goes to the control plane's own threads
 * instead, so that calls saturating the workers cannot hold it up. A request let through with a key carries it as
 * {@link Authentication#CALLER} and no longer carries its {@code Authorization} header.
 */
final class Gate implements HttpHandler {

    private final Authentication authentication;
    /** Whether the named function's trigger is open; an in-memory read, safe on IO threads. */
    private final Predicate<String> isPublicFunction;

    private final HttpHandler next;
    /** Lets keyless loopback requests through with {@code --open-loopback}; off otherwise. */
    private final LoopbackTrust loopback;
    /** Runs blocking control-plane requests (see {@link Route#controlPlane()}). */
    private final Executor controlPlane;

    Gate(
            Authentication authentication,
            Predicate<String> isPublicFunction,
            LoopbackTrust loopback,
            Executor controlPlane,
            HttpHandler next) {
        this.authentication = authentication;
        this.isPublicFunction = isPublicFunction;
        this.loopback = loopback;
        this.controlPlane = controlPlane;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Route route = Route.of(exchange);
        Scope required = keyRequired(exchange, route.access().required(exchange.getRelativePath(), isPublicFunction));
        if (exchange.isInIoThread() && required != null && !route.blocking()) {
            // A cached key is checked here: a hand-off to another thread would cost a non-blocking
            // route (the function list, the event stream) more than the check itself.
            Authentication.Verdict verdict = authentication.checkFromMemory(authorization(exchange), required);
            if (verdict != null) {
                admit(exchange, verdict);
                return;
            }
        }
        if (exchange.isInIoThread() && (required != null || route.blocking())) {
            // Decided once, here: a redeploy before the worker runs must not change it.
            HttpHandler passing = worker -> pass(worker, required);
            if (route.controlPlane()) {
                exchange.dispatch(controlPlane, passing);
            } else {
                exchange.dispatch(passing);
            }
            return;
        }
        pass(exchange, required);
    }

    /** The scope the request's key must cover, none when the route or a loopback peer needs none. */
    private Scope keyRequired(HttpServerExchange exchange, Scope routeScope) {
        InetSocketAddress peer = exchange.getSourceAddress();
        boolean trusted = routeScope != null && loopback.lets(peer == null ? null : peer.getAddress(), routeScope);
        if (trusted) {
            // Unchecked, so never passed on: a function must not see its caller's key.
            exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
            return null;
        }
        return routeScope;
    }

    private void pass(HttpServerExchange exchange, Scope required) throws Exception {
        if (required == null) {
            next.handleRequest(exchange);
            return;
        }
        admit(exchange, authentication.check(authorization(exchange), required));
    }

    /** Answers a refused request, or lets an allowed one on to its route with its key. */
    private void admit(HttpServerExchange exchange, Authentication.Verdict verdict) throws Exception {
        if (verdict instanceof Authentication.Refused refused) {
            if (refused.challenge() != null) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, refused.challenge());
            }
            ErrorResponses.send(exchange, refused.error(), true);
            return;
        }
        // The key was for fn4j; a function must never see, and so never leak, its caller's key.
        exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
        exchange.putAttachment(Authentication.CALLER, ((Authentication.Allowed) verdict).key());
        next.handleRequest(exchange);
    }

    private static String authorization(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    }
}
