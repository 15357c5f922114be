package dev.fn4j.runtime.http;

import dev.fn4j.runtime.callback.Callbacks;
import dev.fn4j.runtime.callback.Signature;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/functions/{name}/callback-secret}: the secret a function's callbacks are signed
 * with (made at first use), for the operator to give the receiver; {@code GET
 * /v1/invocations/{id}/callback}: an invocation's callback and its delivery attempts. Both block
 * on the store.
 */
final class CallbacksApi {

    private final Callbacks callbacks;
    private final FunctionRegistry registry;

    CallbacksApi(Callbacks callbacks, FunctionRegistry registry) {
        this.callbacks = callbacks;
        this.registry = registry;
    }

    void secret(HttpServerExchange exchange) {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        registry.get(name).orElseThrow(() -> FunctionRegistry.notFound(name));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("function", name);
        json.put("secret", enabled().secret(name));
        json.put("header", Signature.HEADER);
        json.put("signature", "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>");
        Json.send(exchange, 200, json);
    }

    void callback(HttpServerExchange exchange) {
        String id = InvocationIds.check(exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id"));
        Map<String, Object> view = enabled()
                .view(id)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "invocation '" + id + "' has no callback: it was not called with"
                                + " X-Callback-Url, or it ended longer ago than the retention"));
        Json.send(exchange, 200, view);
    }

    private Callbacks enabled() {
        if (callbacks == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "this runtime delivers no callbacks");
        }
        return callbacks;
    }
}
