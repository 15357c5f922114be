package dev.fn4j.runtime.http;

import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 when the runtime serves and its engine answers, else 503. */
final class HealthApi {

    private final ApiServer.EngineCheck engine;
    private final String runtimeId;
    private final BooleanSupplier stopping;

    HealthApi(ApiServer.EngineCheck engine, String runtimeId, BooleanSupplier stopping) {
        this.engine = engine;
        this.runtimeId = runtimeId;
        this.stopping = stopping;
    }

    void health(HttpServerExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean engineUp;
        try {
            engine.ping();
            engineUp = true;
        } catch (RuntimeException e) {
            // The check throws only to say the engine does not answer, and why.
            engineUp = false;
            body.put("engineError", e.getMessage());
        }
        boolean ok = engineUp && !stopping.getAsBoolean();
        body.put("status", stopping.getAsBoolean() ? "stopping" : ok ? "ok" : "degraded");
        body.put("engine", engineUp ? "up" : "down");
        body.put("runtimeId", runtimeId);
        Json.send(exchange, ok ? 200 : 503, body);
    }
}
