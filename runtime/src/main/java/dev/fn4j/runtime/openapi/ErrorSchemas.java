package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error half of the description, from {@link ErrorCode} itself: one {@code Error} schema whose
 * {@code code} takes every code, and one response per status ({@code Error404}, …) whose codes are
 * those of that status, with the headers such answers carry.
 */
final class ErrorSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ErrorSchemas() {}

    /** The name of the response component of an error status, such as {@code Error404}. */
    static String responseName(int status) {
        return "Error" + status;
    }

    /** Every status some code is answered with. */
    static List<Integer> statuses() {
        return List.copyOf(byStatus().keySet());
    }

    /** {@code {"error": {"code", "message", …}}}, the body of every error answer. */
    static ObjectNode errorSchema() {
        return body(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    /** The response components, one per status. */
    static ObjectNode responses() {
        ObjectNode responses = JSON.objectNode();
        byStatus().forEach((status, codes) -> responses.set(responseName(status), response(status, codes)));
        return responses;
    }

    private static ObjectNode response(int status, List<String> codes) {
        ObjectNode response = JSON.objectNode();
        response.put("description", "an error: " + String.join(", ", codes));
        ObjectNode headers = response.putObject("headers");
        header(headers, "Fn-Request-Id");
        switch (status) {
            case 401 -> header(headers, "WWW-Authenticate");
            case 405 -> header(headers, "Allow");
            // 429s always say when to come back; of the 503s only capacity_exhausted does.
            case 429 -> header(headers, "Retry-After");
            case 503 ->
                headers.putObject("Retry-After")
                        .put("description", "with capacity_exhausted: whole seconds to wait before trying again")
                        .putObject("schema")
                        .put("type", "string");
            default -> {}
        }
        ObjectNode schema = JSON.objectNode();
        schema.putArray("allOf")
                .add(JSON.objectNode().put("$ref", "#/components/schemas/Error"))
                .add(body(codes));
        response.putObject("content").putObject("application/json").set("schema", schema);
        return response;
    }

    private static void header(ObjectNode headers, String name) {
        headers.putObject(name).put("$ref", "#/components/headers/" + name);
    }

    private static ObjectNode body(List<String> codes) {
        ObjectNode error = JSON.objectNode().put("type", "object");
        error.putArray("required").add("code").add("message");
        ObjectNode properties = error.putObject("properties");
        codes.forEach(properties.putObject("code").put("type", "string").putArray("enum")::add);
        properties.putObject("message").put("type", "string").put("description", "what went wrong and what to do");
        error.putObject("additionalProperties")
                .put("type", "string")
                .put("description", "details: errorType and stackTrace of a function_error, logs, …");
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.putArray("required").add("error");
        schema.putObject("properties").set("error", error);
        return schema;
    }

    private static Map<Integer, List<String>> byStatus() {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            byStatus.computeIfAbsent(code.status(), status -> new java.util.ArrayList<>())
                    .add(code.code());
        }
        return byStatus;
    }
}
