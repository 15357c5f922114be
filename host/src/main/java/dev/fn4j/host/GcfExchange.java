package dev.fn4j.host;

import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One call as Google Cloud Functions' {@code HttpRequest} and {@code HttpResponse}: the request
 * reads fn4j's {@link HttpRequest}, the response collects status, headers and body until
 * {@link #response()} makes fn4j's {@link HttpResponse} of them. Not thread-safe: one call's.
 */
final class GcfExchange {

    static final String REQUEST = "com.google.cloud.functions.HttpRequest";
    static final String RESPONSE = "com.google.cloud.functions.HttpResponse";

    private final HttpRequest request;
    /** Header names compare case-insensitively, as in the Functions Framework; values in order. */
    private final Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;
    /** The writer handed out, flushed into the body when the call ends; null until asked for. */
    private BufferedWriter writer;

    GcfExchange(HttpRequest request) {
        this.request = request;
    }

    /** The GCF request proxy, in the loader that has {@code type}. */
    Object request(Class<?> type) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        Map<String, List<String>> readOnly = Collections.unmodifiableMap(headers);
        Optional<String> contentType = Optional.ofNullable(request.header("content-type"));
        return ForeignApi.proxy(type, new ForeignApi.Answers() {
            @Override
            Object answer(String name, Object[] arguments) {
                return switch (name) {
                    case "getMethod" -> request.method();
                    case "getUri" -> request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
                    case "getPath" -> request.path();
                    case "getQuery" -> request.query().isEmpty() ? Optional.empty() : Optional.of(request.query());
                    case "getQueryParameters" -> QueryParameters.parse(request.query());
                    case "getParts" ->
                        throw new UnsupportedOperationException(
                                "fn4j does not parse multipart bodies; read getInputStream() instead");
                    case "getContentType" -> contentType;
                    case "getContentLength" -> (long) request.body().length;
                    case "getCharacterEncoding" -> contentType.flatMap(GcfExchange::charsetName);
                    case "getInputStream" -> new ByteArrayInputStream(request.body());
                    case "getReader" ->
                        new BufferedReader(
                                new InputStreamReader(new ByteArrayInputStream(request.body()), charset(contentType)));
                    case "getHeaders" -> readOnly;
                    default -> UNKNOWN;
                };
            }
        });
    }

    /** The GCF response proxy, in the loader that has {@code type}. */
    Object response(Class<?> type) {
        return ForeignApi.proxy(type, new ForeignApi.Answers() {
            @Override
            Object answer(String name, Object[] arguments) {
                switch (name) {
                    case "setStatusCode" -> status = (Integer) arguments[0];
                    case "setContentType" ->
                        responseHeaders.put("content-type", new ArrayList<>(List.of((String) arguments[0])));
                    case "getContentType" -> {
                        return Optional.ofNullable(first("content-type"));
                    }
                    case "appendHeader" ->
                        responseHeaders
                                .computeIfAbsent((String) arguments[0], n -> new ArrayList<>(1))
                                .add((String) arguments[1]);
                    case "getHeaders" -> {
                        return copy(responseHeaders);
                    }
                    case "getOutputStream" -> {
                        return body;
                    }
                    case "getWriter" -> {
                        if (writer == null) {
                            writer = new BufferedWriter(
                                    new OutputStreamWriter(body, charset(Optional.ofNullable(first("content-type")))));
                        }
                        return writer;
                    }
                    default -> {
                        return UNKNOWN;
                    }
                }
                return null;
            }
        });
    }

    /** What the function set, once it has returned. */
    HttpResponse response() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new HttpResponse(status, headers, body.toByteArray());
    }

    private String first(String name) {
        List<String> values = responseHeaders.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** The charset a content type names, UTF-8 when it names none or one this JVM lacks. */
    static Charset charset(Optional<String> contentType) {
        try {
            return contentType
                    .flatMap(GcfExchange::charsetName)
                    .map(Charset::forName)
                    .orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Optional<String> charsetName(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return Optional.of(trimmed.substring("charset=".length()).replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
