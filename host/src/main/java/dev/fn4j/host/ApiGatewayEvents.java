package dev.fn4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an HTTP trigger's request to the JSON of API Gateway's proxy events (REST API version 1.0,
 * {@code APIGatewayProxyRequestEvent}, or HTTP API version 2.0, {@code APIGatewayV2HTTPEvent}) and
 * a proxy response ({@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code cookies},
 * {@code body}, {@code isBase64Encoded}) back to an HTTP response. A body that is valid UTF-8 is
 * passed as text, any other as base64 with {@code isBase64Encoded} set.
 */
final class ApiGatewayEvents {

    static final String V1_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";
    static final String V2_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";

    /** The route of a greedy proxy integration, which is what {@code /fn/{name}/...} is. */
    static final String PROXY_RESOURCE = "/{proxy+}";

    static final String STAGE = "$default";

    private ApiGatewayEvents() {}

    /** Whether the handler's input type is one of the events this class builds. */
    static boolean isEvent(Class<?> input) {
        return input.getName().equals(V1_EVENT) || input.getName().equals(V2_EVENT);
    }

    /** The event's JSON tree for {@code eventType}, one of {@link #isEvent}'s. */
    static Map<String, Object> event(Class<?> eventType, HttpRequest request, String requestId, long nowMillis) {
        return eventType.getName().equals(V2_EVENT)
                ? v2(request, requestId, nowMillis)
                : v1(request, requestId, nowMillis);
    }

    private static Map<String, Object> v1(HttpRequest request, String requestId, long nowMillis) {
        Map<String, List<String>> query = QueryParameters.parse(request.query());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("userAgent", request.header("user-agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", requestId);
        context.put("httpMethod", request.method());
        context.put("path", request.path());
        context.put("resourcePath", PROXY_RESOURCE);
        context.put("stage", STAGE);
        context.put("protocol", "HTTP/1.1");
        context.put("requestTimeEpoch", nowMillis);
        context.put("identity", identity);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", PROXY_RESOURCE);
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        event.put("headers", last(request.headers()));
        event.put("multiValueHeaders", request.headers());
        event.put("queryStringParameters", query.isEmpty() ? null : last(query));
        event.put("multiValueQueryStringParameters", query.isEmpty() ? null : query);
        event.put(
                "pathParameters",
                request.path().length() > 1 ? Map.of("proxy", request.path().substring(1)) : null);
        event.put("requestContext", context);
        body(event, request.body());
        return event;
    }

    private static Map<String, Object> v2(HttpRequest request, String requestId, long nowMillis) {
        Map<String, List<String>> query = QueryParameters.parse(request.query());
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        // HTTP APIs move the cookies out of the headers into their own list.
        List<String> cookies = new ArrayList<>();
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.strip());
                }
            }
        }
        headers.remove("cookie");
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("userAgent", request.header("user-agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", requestId);
        context.put("routeKey", STAGE);
        context.put("stage", STAGE);
        context.put("timeEpoch", nowMillis);
        context.put("http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", STAGE);
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.query());
        event.put("cookies", cookies.isEmpty() ? null : cookies);
        event.put("headers", joined(headers));
        event.put("queryStringParameters", query.isEmpty() ? null : joined(query));
        event.put("requestContext", context);
        body(event, request.body());
        return event;
    }

    private static void body(Map<String, Object> event, byte[] body) {
        String text = body.length == 0 ? null : utf8(body);
        event.put(
                "body",
                body.length == 0
                        ? null
                        : text != null ? text : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", body.length > 0 && text == null);
    }

    /** The body as text when it is valid UTF-8, else null. */
    private static String utf8(byte[] body) {
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

    /** Version 1.0's single-value maps keep the last value of a repeated name. */
    private static Map<String, String> last(Map<String, List<String>> values) {
        Map<String, String> last = new LinkedHashMap<>();
        values.forEach((name, list) -> last.put(name, list.get(list.size() - 1)));
        return last;
    }

    /** Version 2.0 joins repeated values with commas. */
    private static Map<String, String> joined(Map<String, List<String>> values) {
        Map<String, String> joined = new LinkedHashMap<>();
        values.forEach((name, list) -> joined.put(name, String.join(",", list)));
        return joined;
    }

    /** Whether an output's JSON is a proxy response: an object with a {@code statusCode}. */
    static boolean isResponse(JsonNode output) {
        return output != null && output.isObject() && output.has("statusCode");
    }

    /**
     * The HTTP response a proxy response describes; a missing status is 200.
     *
     * @throws IllegalArgumentException when the body is not base64 though isBase64Encoded says so,
     *     or the status is out of range
     */
    static HttpResponse response(JsonNode output) {
        JsonNode status = output.path("statusCode");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> multi =
                output.path("multiValueHeaders").fields();
        while (multi.hasNext()) {
            Map.Entry<String, JsonNode> header = multi.next();
            for (JsonNode value : header.getValue()) {
                add(headers, header.getKey(), value.asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> single = output.path("headers").fields();
        while (single.hasNext()) {
            Map.Entry<String, JsonNode> header = single.next();
            if (!header.getValue().isNull()
                    && !headers.containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
                add(headers, header.getKey(), header.getValue().asText());
            }
        }
        for (JsonNode cookie : output.path("cookies")) {
            add(headers, "set-cookie", cookie.asText());
        }
        JsonNode bodyNode = output.path("body");
        String body = bodyNode.isNull() || bodyNode.isMissingNode() ? "" : bodyNode.asText();
        boolean base64 = output.path("isBase64Encoded").asBoolean(false);
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getMimeDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the response's isBase64Encoded is true but its body is not base64: " + e.getMessage());
        }
        int code = status.isNull() || status.isMissingNode() ? 200 : status.asInt(-1);
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("the response's statusCode must be between 100 and 599: " + status);
        }
        return new HttpResponse(code, headers, bytes);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
                .add(value);
    }
}
