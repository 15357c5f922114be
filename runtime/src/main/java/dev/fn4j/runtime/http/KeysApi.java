package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.auth.Scope;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.Durations;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /v1/keys}: create, list, show and revoke API keys. Only admin keys get this far. */
final class KeysApi {

    static final int MAX_NAME_LENGTH = 100;
    static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    static final Duration MAX_LIFETIME = Duration.ofDays(3650);
    /** A key request is three short strings. */
    private static final long MAX_BODY_BYTES = 16 * 1024;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");

    /**
     * A key as the API shows it; {@code expiresAt} and {@code lastUsedAt} are null for never, and
     * {@code key}, the secret, is only in the answer that created it.
     */
    record KeyView(
            String id,
            String name,
            String scope,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String key) {
        static KeyView of(ApiKey key, String plaintext) {
            return new KeyView(
                    key.id(),
                    key.name(),
                    key.scope().wireName(),
                    key.createdAt(),
                    key.expiresAt(),
                    key.lastUsedAt(),
                    plaintext);
        }
    }

    private final ApiKeys keys;

    KeysApi(ApiKeys keys) {
        this.keys = keys;
    }

    /**
     * {@code POST /v1/keys {"name": "...", "scope": "admin|invoke", "expiresIn": "90d"}} → 201
     * with the key, once; without {@code expiresIn} it never expires.
     */
    void create(HttpServerExchange exchange) throws Exception {
        JsonNode body = Json.parse(Bodies.read(exchange, MAX_BODY_BYTES));
        if (!body.isObject()) {
            throw invalid("the body must be a JSON object {\"name\": \"...\", \"scope\":" + " \"invoke\"}");
        }
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("name") && !field.equals("scope") && !field.equals("expiresIn")) {
                throw invalid("unknown field " + quote(field) + "; known fields: name, scope," + " expiresIn");
            }
        }
        ApiKeys.Created created =
                keys.create(name(body.get("name")), scope(body.get("scope")), lifetime(body.get("expiresIn")));
        exchange.getResponseHeaders()
                .put(Headers.LOCATION, "/v1/keys/" + created.key().id());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        Json.send(exchange, 201, KeyView.of(created.key(), created.plaintext()));
    }

    void list(HttpServerExchange exchange) {
        Json.send(
                exchange,
                200,
                Map.of(
                        "keys",
                        keys.list().stream().map(key -> KeyView.of(key, null)).toList()));
    }

    void get(HttpServerExchange exchange) {
        String id = pathId(exchange);
        ApiKey key = keys.find(id).orElseThrow(() -> ApiKeys.notFound(id));
        Json.send(exchange, 200, KeyView.of(key, null));
    }

    void delete(HttpServerExchange exchange) {
        keys.delete(pathId(exchange));
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    private static String name(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw invalid("\"name\" is required: a string saying what the key is for, such as" + " \"ci\"");
        }
        String name = node.asText().strip();
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("\"name\" must be at most " + MAX_NAME_LENGTH + " characters without"
                    + " control characters: " + quote(name));
        }
        return name;
    }

    private static Scope scope(JsonNode node) {
        Scope scope = node != null && node.isTextual() ? Scope.parse(node.asText()) : null;
        if (scope == null) {
            throw invalid("\"scope\" must be \"admin\" (deploy, delete, manage keys) or"
                    + " \"invoke\" (call functions, read calls): "
                    + (node == null ? "(none)" : quote(node.toString())));
        }
        return scope;
    }

    /** The key's lifetime, or null for ever when the field is absent or null. */
    private static Duration lifetime(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Duration lifetime = node.isTextual() ? Durations.parse(node.asText(), Durations.LIFETIME_UNITS) : null;
        if (lifetime == null || lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw invalid("\"expiresIn\" must be " + Durations.LIFETIME_FORMAT + ", from 1m to 3650d: "
                    + quote(node.isTextual() ? node.asText() : node.toString()));
        }
        return lifetime;
    }

    private static String pathId(HttpServerExchange exchange) {
        String id = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id");
        if (id == null || !ID.matcher(id).matches()) {
            throw new ApiException(
                    ErrorCode.INVALID_ID,
                    "invalid API key id " + quote(id) + ": an id is the 12 lower-case hex digits GET /v1/keys lists");
        }
        return id;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }
}
