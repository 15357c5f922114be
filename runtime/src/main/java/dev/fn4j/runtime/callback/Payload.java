package dev.fn4j.runtime.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.invocation.Invocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON body a callback POSTs: the invocation's id, function, status, attempts, times and
 * duration, and its result (JSON inline when its type is JSON, else text, else base64 with
 * {@code "resultEncoding": "base64"}) or its error. Every field is always present.
 */
final class Payload {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payload() {}

    static byte[] of(Invocation invocation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", invocation.id());
        json.put("function", invocation.function());
        json.put("status", invocation.status().wire());
        json.put("attempts", invocation.attempts());
        json.put("queuedAt", text(invocation.queuedAt()));
        json.put("startedAt", text(invocation.startedAt()));
        json.put("endedAt", text(invocation.endedAt()));
        json.put("durationMs", invocation.durationMs());
        json.put("contentType", invocation.resultType());
        putResult(json, invocation.resultBody(), invocation.resultType());
        Map<String, Object> error = null;
        if (invocation.errorCode() != null) {
            error = new LinkedHashMap<>();
            error.put("code", invocation.errorCode());
            error.put("message", invocation.errorMessage());
        }
        json.put("error", error);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values always writes", e);
        }
    }

    private static void putResult(Map<String, Object> json, byte[] body, String type) {
        if (body == null) {
            json.put("result", null);
            return;
        }
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                JsonNode tree = MAPPER.readTree(body);
                if (tree != null && !tree.isMissingNode()) {
                    json.put("result", tree);
                    return;
                }
            } catch (IOException notJson) {
                // Labelled JSON but is not: sent as text or base64 below.
            }
        }
        try {
            json.put(
                    "result",
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(body))
                            .toString());
        } catch (CharacterCodingException binary) {
            json.put("result", Base64.getEncoder().encodeToString(body));
            json.put("resultEncoding", "base64");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
