package dev.fn4j.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Reads the runtime's answers: checks the status, maps JSON bodies and error bodies. */
final class ResponseReader {

    static final String REQUEST_ID = "Fn-Request-Id";
    private static final int MAX_TEXT = 300;

    private final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Returns the response when its status is 2xx, else throws the runtime's error. */
    HttpResponse<byte[]> ok(HttpResponse<byte[]> response) throws RuntimeApiException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw error(response);
    }

    <T> T json(HttpResponse<byte[]> response, Class<T> type) throws RuntimeClientException {
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    <T> T json(HttpResponse<byte[]> response, TypeReference<T> type) throws RuntimeClientException {
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    /** Reads an invocation's JSON (docs/api.md) into an {@link Invocation}. */
    /** Parses any JSON document, for event data that is not an invocation. */
    JsonNode json(byte[] json) throws IOException {
        return mapper.readTree(json);
    }

    Invocation invocation(byte[] json) throws IOException {
        JsonNode node = mapper.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return invocation(node);
    }

    Invocation invocation(HttpResponse<byte[]> response) throws RuntimeClientException {
        try {
            return invocation(response.body());
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    /** Reads {@code {"invocations": [ ... ]}}. */
    List<Invocation> invocations(HttpResponse<byte[]> response) throws RuntimeClientException {
        return invocations(response, "invocations");
    }

    /** Reads the list of invocations in {@code field} of a JSON object. */
    List<Invocation> invocations(HttpResponse<byte[]> response, String field) throws RuntimeClientException {
        try {
            JsonNode list = mapper.readTree(response.body()).path(field);
            List<Invocation> invocations = new ArrayList<>();
            for (JsonNode node : list) {
                invocations.add(invocation(node));
            }
            return List.copyOf(invocations);
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    /** Reads a JSON object. */
    JsonNode tree(HttpResponse<byte[]> response) throws RuntimeClientException {
        try {
            JsonNode node = mapper.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    /** Reads {@code POST /v1/keys}'s answer: the key's description and, this once, the key. */
    CreatedApiKey createdKey(HttpResponse<byte[]> response) throws RuntimeClientException {
        try {
            JsonNode node = mapper.readTree(response.body());
            if (node == null || !node.path("key").isTextual()) {
                throw new IOException("it has no \"key\"");
            }
            return new CreatedApiKey(
                    mapper.treeToValue(node, ApiKeyDescription.class),
                    node.get("key").asText());
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    private Invocation invocation(JsonNode node) throws IOException {
        String contentType = text(node, "contentType");
        JsonNode error = node.get("error");
        return new Invocation(
                text(node, "id"),
                text(node, "function"),
                number(node, "revision"),
                text(node, "status"),
                node.path("attempts").asInt(0),
                text(node, "queuedAt"),
                text(node, "startedAt"),
                text(node, "endedAt"),
                number(node, "durationMs"),
                node.path("coldStart").isBoolean() ? node.get("coldStart").asBoolean() : null,
                contentType,
                result(node, contentType),
                error != null && error.isObject()
                        ? new InvocationError(text(error, "code"), text(error, "message"))
                        : null,
                logLines(node.get("logs")),
                text(node, "method"),
                text(node, "path"));
    }

    /**
     * The output as the function gave it: JSON inline is written back compactly, base64 is
     * decoded, text is UTF-8. A string result is JSON (quoted) only when the content type says so.
     */
    private byte[] result(JsonNode node, String contentType) throws IOException {
        JsonNode result = node.get("result");
        if (result == null || result.isNull()) {
            return null;
        }
        if (result.isTextual() && "base64".equals(text(node, "resultEncoding"))) {
            try {
                return Base64.getDecoder().decode(result.asText());
            } catch (IllegalArgumentException e) {
                throw new IOException("the result is not valid base64", e);
            }
        }
        if (result.isTextual() && !isJson(contentType)) {
            return result.asText().getBytes(StandardCharsets.UTF_8);
        }
        return mapper.writeValueAsBytes(result);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** The logs as lines: the runtime sends one text; a list of lines is read too. */
    private static List<String> logLines(JsonNode logs) {
        List<String> lines = new ArrayList<>();
        if (logs == null || logs.isNull()) {
            return lines;
        }
        if (logs.isArray()) {
            for (JsonNode line : logs) {
                if (line.isTextual()) {
                    lines.add(line.asText());
                } else if (line.hasNonNull("message")) {
                    lines.add(line.get("message").asText());
                } else if (line.hasNonNull("line")) {
                    lines.add(line.get("line").asText());
                } else {
                    lines.add(line.toString());
                }
            }
            return lines;
        }
        String text = logs.isTextual() ? logs.asText() : logs.toString();
        if (!text.isEmpty()) {
            lines.addAll(List.of(text.split("\\R", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
        }
        return lines;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private RuntimeApiException error(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        JsonNode error = errorNode(response.body());
        if (error != null && error.path("code").isTextual()) {
            return new RuntimeApiException(
                    status,
                    error.get("code").asText(),
                    error.path("message").asText(""),
                    text(error, "errorType"),
                    text(error, "stackTrace"),
                    requestId,
                    retryAfter);
        }
        String body = shorten(new String(response.body(), StandardCharsets.UTF_8).strip());
        return new RuntimeApiException(
                status,
                "http_" + status,
                body.isEmpty() ? "the runtime answered HTTP " + status + " without a body" : body,
                null,
                null,
                requestId,
                retryAfter);
    }

    private JsonNode errorNode(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.path("error").isObject() ? root.get("error") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static RuntimeClientException unreadable(HttpResponse<byte[]> response, IOException e) {
        return new RuntimeClientException(
                "Cannot read the fn4j runtime's answer to "
                        + response.request().method() + " " + response.uri() + " (HTTP "
                        + response.statusCode() + "): "
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                e);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
