package dev.fn4j.runtime.http;

import dev.fn4j.runtime.call.DeadLetterQueue;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's dead letters: {@code GET /v1/functions/{name}/dead-letters} lists them oldest
 * first a page at a time ({@code ?limit=&after=<id>}, the answer's {@code next} is the next
 * page's {@code after}); {@code POST …/dead-letters/redrive} runs them all again,
 * {@code DELETE …/dead-letters} purges them, {@code POST /v1/invocations/{id}/redrive} runs one
 * again, and {@code GET /v1/invocations/{id}/attempts} lists an invocation's attempts. Every handler blocks on the store.
 */
final class DeadLettersApi {

    private final DeadLetterQueue deadLetters;
    private final FunctionRegistry registry;

    DeadLettersApi(DeadLetterQueue deadLetters, FunctionRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    void list(HttpServerExchange exchange) {
        String name = deployed(exchange);
        int limit = InvocationHistoryApi.limit(exchange.getQueryParameters().get("limit"));
        Deque<String> afterValues = exchange.getQueryParameters().get("after");
        String after = afterValues == null || afterValues.isEmpty()
                ? null
                : InvocationIds.check(afterValues.getFirst().strip());
        List<Invocation> page = deadLetters.list(name, after, limit);
        List<Object> items = new ArrayList<>();
        page.forEach(invocation -> items.add(InvocationView.of(invocation)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deadLetters", items);
        json.put("next", page.size() == limit ? page.get(page.size() - 1).id() : null);
        Json.send(exchange, 200, json);
    }

    void redriveAll(HttpServerExchange exchange) {
        Json.send(exchange, 200, Map.of("redriven", deadLetters.redriveAll(deployed(exchange))));
    }

    void purge(HttpServerExchange exchange) {
        Json.send(exchange, 200, Map.of("purged", deadLetters.purge(deployed(exchange))));
    }

    void redrive(HttpServerExchange exchange) {
        Json.send(exchange, 202, InvocationView.of(deadLetters.redrive(pathId(exchange))));
    }

    /** {@code GET /v1/invocations/{id}/attempts}: the invocation's ended attempts in order. */
    void attempts(HttpServerExchange exchange) {
        List<Object> attempts = new ArrayList<>();
        for (Attempt attempt : deadLetters.attempts(pathId(exchange))) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("attempt", attempt.number());
            json.put("startedAt", attempt.startedAt());
            json.put("endedAt", attempt.endedAt());
            json.put("outcome", attempt.outcome());
            json.put(
                    "error",
                    attempt.errorCode() == null
                            ? null
                            : Map.of(
                                    "code",
                                    attempt.errorCode(),
                                    "message",
                                    attempt.errorMessage() == null ? "" : attempt.errorMessage()));
            attempts.add(json);
        }
        Json.send(exchange, 200, Map.of("attempts", attempts));
    }

    private static String pathId(HttpServerExchange exchange) {
        return InvocationIds.check(exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("id"));
    }

    private String deployed(HttpServerExchange exchange) {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        if (registry.get(name).isEmpty()) {
            throw FunctionRegistry.notFound(name);
        }
        return name;
    }
}
