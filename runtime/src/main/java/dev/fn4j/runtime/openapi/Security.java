package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a route's {@link Endpoint.Guard} means in the description: its security requirement on the
 * {@code bearerAuth} scheme (an API key, the scope it needs named as the requirement's role, as
 * OpenAPI 3.1 allows for non-OAuth schemes, and in {@code x-fn4j-scope}), and the errors any route
 * with that guard may answer.
 */
final class Security {

    /** The name of the API key scheme in {@code components.securitySchemes}. */
    static final String SCHEME = "bearerAuth";
    /** The extension naming the scope a route's key needs. */
    static final String SCOPE = "x-fn4j-scope";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Security() {}

    /** The {@code bearerAuth} scheme: {@code Authorization: Bearer <key>}. */
    static ObjectNode scheme() {
        return JSON.objectNode()
                .put("type", "http")
                .put("scheme", "bearer")
                .put(
                        "description",
                        "an fn4j API key, fn4j_<12 hex id>_<43 base64url>; scope invoke calls functions and reads"
                                + " calls, scope admin may do everything. Create keys with POST /v1/keys.");
    }

    static void apply(Endpoint.Guard guard, ObjectNode operation) {
        ArrayNode security = operation.putArray("security");
        switch (guard) {
            case OPEN -> {}
            case INVOKE -> requirement(security, operation, "invoke");
            case ADMIN -> requirement(security, operation, "admin");
            case TRIGGER -> {
                requirement(security, operation, "invoke");
                // The empty requirement: a public function's trigger takes calls without a key.
                security.addObject();
                operation.put(
                        "x-fn4j-public-when",
                        "the function is deployed with \"public\": true; then no key is needed, and a"
                                + " function_error carries no stack trace");
            }
        }
    }

    /** The error statuses every route with this guard may answer, besides its own. */
    static List<Integer> errorStatuses(Endpoint.Guard guard) {
        return guard == Endpoint.Guard.OPEN ? List.of(500, 503) : List.of(401, 403, 500, 503);
    }

    private static void requirement(ArrayNode security, ObjectNode operation, String scope) {
        security.addObject().putArray(SCHEME).add(scope);
        operation.put(SCOPE, scope);
    }
}
