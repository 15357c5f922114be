package dev.fn4j.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Reads the runtime's answers: checks the status, maps JSON bodies and error bodies. */
final class ResponseReader {

    static final String REQUEST_ID = "Fn-Request-Id";
    private static final int MAX_TEXT = 300;

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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

    private RuntimeApiException error(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        JsonNode error = errorNode(response.body());
        if (error != null && error.path("code").isTextual()) {
            return new RuntimeApiException(status, error.get("code").asText(),
                    error.path("message").asText(""), text(error, "errorType"),
                    text(error, "stackTrace"), requestId, retryAfter);
        }
        String body = shorten(new String(response.body(), StandardCharsets.UTF_8).strip());
        return new RuntimeApiException(status, "http_" + status,
                body.isEmpty() ? "the runtime answered HTTP " + status + " without a body" : body,
                null, null, requestId, retryAfter);
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

    private static RuntimeClientException unreadable(HttpResponse<byte[]> response, IOException e) {
        return new RuntimeClientException("Cannot read the fn4j runtime's answer to "
                + response.request().method() + " " + response.uri() + " (HTTP "
                + response.statusCode() + "): "
                + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
