package dev.fn4j.host;

import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invokes an {@link HttpHandler}: the request comes from the Invoke's pseudo-headers, headers and
 * body; the response becomes a Result with {@code :status} first, then its headers with lower-case
 * names, then its body.
 */
final class HttpInvoker implements Invoker {

    static final String DEFAULT_METHOD = "POST";
    static final String DEFAULT_PATH = "/";

    private final HttpHandler handler;
    private final Contexts contexts;

    HttpInvoker(HttpHandler handler, Contexts contexts) {
        this.handler = handler;
        this.contexts = contexts;
    }

    @Override
    public Frame answer(Frame.Invoke invoke, CapturedLog log) {
        String id = invoke.requestId();
        HttpResponse response;
        try {
            response = handler.handle(request(invoke), contexts.of(invoke, log));
        } catch (Throwable thrown) {
            return Failures.functionError(id, thrown);
        }
        if (response == null) {
            return new Frame.PlatformError(
                    id, Protocol.BAD_OUTPUT, "the HttpHandler returned null; return an HttpResponse", false);
        }
        return result(id, response);
    }

    /** The Result of an HTTP response, or bad_output when a header cannot be sent. */
    static Frame result(String id, HttpResponse response) {
        List<Frame.Header> headers = new ArrayList<>();
        headers.add(new Frame.Header(Protocol.STATUS, Integer.toString(response.status())));
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey();
            if (name == null || name.isEmpty() || name.startsWith(":")) {
                return new Frame.PlatformError(
                        id, Protocol.BAD_OUTPUT, "the HttpResponse has an invalid header name: '" + name + "'", false);
            }
            for (String value : header.getValue()) {
                if (value == null) {
                    return new Frame.PlatformError(
                            id, Protocol.BAD_OUTPUT, "the HttpResponse header '" + name + "' has a null value", false);
                }
                headers.add(new Frame.Header(name.toLowerCase(Locale.ROOT), value));
            }
        }
        return new Frame.Result(id, headers, response.body());
    }

    /** The request an Invoke carries; header names lower-cased, pseudo-headers taken out. */
    static HttpRequest request(Frame.Invoke invoke) {
        String method = DEFAULT_METHOD;
        String path = DEFAULT_PATH;
        String query = "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Frame.Header header : invoke.headers()) {
            String name = header.name();
            if (name.equals(Protocol.METHOD)) {
                method = header.value().toUpperCase(Locale.ROOT);
            } else if (name.equals(Protocol.PATH)) {
                path = header.value().isEmpty() ? DEFAULT_PATH : header.value();
            } else if (name.equals(Protocol.QUERY)) {
                query = header.value();
            } else if (!name.startsWith(":")) {
                String key = name.toLowerCase(Locale.ROOT);
                List<String> values = headers.get(key);
                if (values == null) {
                    values = new ArrayList<>(1);
                    headers.put(key, values);
                }
                values.add(header.value());
            }
        }
        // No lambdas on the first call's path: bootstrapping one costs a cold start milliseconds.
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        return new HttpRequest(method, path, query, headers, invoke.body());
    }
}
