package dev.fn4j.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.invocation.Invocation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An invocation as {@code GET /v1/invocations/{id}} and its events show it: every field always
 * present (null when unknown), the result inline as JSON when its content type is JSON, as a
 * string when it is text, else base64 with {@code "resultEncoding": "base64"}.
 */
final class InvocationView {

    private InvocationView() {}

    static Map<String, Object> of(Invocation invocation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", invocation.id());
        json.put("function", invocation.function());
        json.put("revision", invocation.revision());
        json.put("async", invocation.async());
        json.put("method", invocation.method());
        json.put("path", invocation.path());
        json.put("status", invocation.status().wire());
        json.put("attempts", invocation.attempts());
        json.put("queuedAt", invocation.queuedAt());
        json.put("startedAt", invocation.startedAt());
        json.put("endedAt", invocation.endedAt());
        json.put("durationMs", invocation.durationMs());
        json.put("coldStart", invocation.coldStart());
        json.put("contentType", invocation.resultType());
        putResult(json, invocation.resultBody(), invocation.resultType());
        if (invocation.errorCode() == null) {
            json.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", invocation.errorCode());
            error.put("message", invocation.errorMessage());
            json.put("error", error);
        }
        json.put("logs", invocation.logs());
        return json;
    }

    /** Puts {@code result} (and {@code resultEncoding} for base64) for the body and its type. */
    static void putResult(Map<String, Object> json, byte[] body, String contentType) {
        if (body == null) {
            json.put("result", null);
            return;
        }
        String type = mediaType(contentType);
        if (isJson(type) && body.length > 0) {
            try {
                JsonNode tree = Json.MAPPER.readTree(body);
                if (tree != null && !tree.isMissingNode()) {
                    json.put("result", tree);
                    return;
                }
            } catch (java.io.IOException notJson) {
                // Labelled JSON but is not: shown as text or base64 below.
            }
        }
        // Untyped bodies are shown as text when they are valid UTF-8.
        String text = type.isEmpty() || isJson(type) || isText(type, contentType) ? utf8(body) : null;
        if (text != null) {
            json.put("result", text);
        } else {
            json.put("result", Base64.getEncoder().encodeToString(body));
            json.put("resultEncoding", "base64");
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean isText(String type, String contentType) {
        return type.startsWith("text/")
                || type.endsWith("+xml")
                || type.equals("application/xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset="));
    }

    /** The body as UTF-8 text, or null when it is not valid UTF-8. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
