package dev.fn4j.runtime.http;

import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz}, the liveness check: 200 when the runtime serves and its engine answered
 * its last check (at most a second old), else 503, from memory on an IO thread so that busy
 * workers never fail it. {@code GET /readyz}, the readiness check: the same, asking the engine
 * now, on the control plane's threads.
 */
final class HealthApi {

    private final EngineHealth engine;
    private final String runtimeId;
    private final BooleanSupplier stopping;

    HealthApi(EngineHealth engine, String runtimeId, BooleanSupplier stopping) {
        this.engine = engine;
        this.runtimeId = runtimeId;
        this.stopping = stopping;
    }

    void health(HttpServerExchange exchange) {
        send(exchange, engine.last());
    }

    void ready(HttpServerExchange exchange) {
        send(exchange, engine.checkNow());
    }

    private void send(HttpServerExchange exchange, EngineHealth.State state) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!state.up()) {
            body.put("engineError", state.error());
        }
        boolean stops = stopping.getAsBoolean();
        boolean ok = state.up() && !stops;
        body.put("status", stops ? "stopping" : ok ? "ok" : "degraded");
        body.put("engine", state.up() ? "up" : "down");
        body.put("runtimeId", runtimeId);
        Json.send(exchange, ok ? 200 : 503, body);
    }
}
