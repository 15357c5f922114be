package dev.fn4j.runtime.auth;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;

/**
 * Lets a request through only with a key that works and whose scope covers what it asks for:
 * none, an invalid or an expired one → 401 {@code unauthorized}, too narrow → 403
 * {@code forbidden}. Keys come as {@code Authorization: Bearer <key>}. Requests that need a key
 * are checked on a worker thread, since a key not cached yet means a database read.
 */
public final class Authentication implements HttpHandler {

    /** Sends errors in the API's shape; the http package owns that format. */
    @FunctionalInterface
    public interface ErrorSender {
        void send(HttpServerExchange exchange, ApiException error);
    }

    /** The key a request was let through with; absent on requests that needed none. */
    public static final AttachmentKey<ApiKey> CALLER = AttachmentKey.create(ApiKey.class);

    private final ApiKeys keys;
    private final AccessRule rule;
    private final ErrorSender errors;
    private final HttpHandler next;

    public Authentication(ApiKeys keys, AccessRule rule, ErrorSender errors, HttpHandler next) {
        this.keys = keys;
        this.rule = rule;
        this.errors = errors;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Scope required = rule.required(exchange.getRequestMethod().toString(),
                exchange.getRelativePath());
        if (required == null) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isInIoThread()) {
            // The rule is not asked again on the worker: a redeploy in between must not change it.
            exchange.dispatch(worker -> authenticate(worker, required));
            return;
        }
        authenticate(exchange, required);
    }

    /** Lets the request through if its key covers {@code required}; otherwise answers 401/403. */
    private void authenticate(HttpServerExchange exchange, Scope required) throws Exception {
        String presented = bearer(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (presented == null) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"fn4j\"");
            errors.send(exchange, new ApiException(ErrorCode.UNAUTHORIZED, "this endpoint needs"
                    + " an API key with scope " + required.wireName() + ": send it as"
                    + " 'Authorization: Bearer <key>' (mvn: -Dfn.apiKey or a settings.xml"
                    + " <server>)"));
            return;
        }
        KeyCheck check = keys.authenticate(presented);
        if (check instanceof KeyCheck.Expired expired) {
            refuseToken(exchange, "API key '" + expired.key().id() + "' expired at "
                    + expired.key().expiresAt() + "; create a new one with POST /v1/keys");
            return;
        }
        if (!(check instanceof KeyCheck.Valid valid)) {
            refuseToken(exchange, "the API key is not valid: it is unknown, revoked or mistyped");
            return;
        }
        ApiKey key = valid.key();
        if (!key.scope().covers(required)) {
            errors.send(exchange, new ApiException(ErrorCode.FORBIDDEN, "API key '" + key.id()
                    + "' has scope " + key.scope().wireName() + ", and this endpoint needs "
                    + required.wireName()));
            return;
        }
        // The key was for fn4j; a function must never see, and so never leak, its caller's key.
        exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
        exchange.putAttachment(CALLER, key);
        next.handleRequest(exchange);
    }

    /** Answers 401 for a presented key that does not work (RFC 6750's {@code invalid_token}). */
    private void refuseToken(HttpServerExchange exchange, String message) {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE,
                "Bearer realm=\"fn4j\", error=\"invalid_token\"");
        errors.send(exchange, new ApiException(ErrorCode.UNAUTHORIZED, message));
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? null : key;
    }
}
