package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.auth.Scope;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionName;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.stats.AsyncCounts;
import dev.fn4j.runtime.stats.CallStats;
import dev.fn4j.runtime.stats.Tally;
import dev.fn4j.runtime.stats.Window;
import dev.fn4j.spec.Field;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard reads: {@code GET /v1/whoami} (the caller's key), {@code GET
 * /v1/stats/functions} (every function's instances, calls, errors, latency percentiles, cold
 * starts, backlog and dead letters over a window) and {@code GET /v1/functions/{name}/stats}
 * (one function's calls over a window, bucket by bucket). Every handler but whoami blocks on the
 * store.
 */
final class StatsApi {

    /** Times as the dashboard contract has them: UTC, always to the millisecond. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final FunctionRegistry registry;
    private final LiveInstances instances;
    private final CallStats stats;
    private final AsyncCounts async;

    StatsApi(FunctionRegistry registry, LiveInstances instances, CallStats stats, AsyncCounts async) {
        this.registry = registry;
        this.instances = instances;
        this.stats = stats;
        this.async = async;
    }

    /** The key the request came with; a keyless loopback request ({@code --open-loopback}) has none. */
    void whoami(HttpServerExchange exchange) {
        ApiKey key = exchange.getAttachment(Authentication.CALLER);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key == null ? null : key.id());
        json.put("name", key == null ? null : key.name());
        json.put("scope", key == null ? Scope.INVOKE.wireName() : key.scope().wireName());
        Json.send(exchange, 200, json);
    }

    void functions(HttpServerExchange exchange) {
        Window window = window(exchange);
        Instant now = stats.now();
        Map<String, Tally> totals = stats.totals(window.from(now), window.to(now));
        Map<String, AsyncCounts.Pending> pending = async.byFunction();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Function function : registry.list().stream()
                .sorted(Comparator.comparing(Function::name))
                .toList()) {
            String name = function.name();
            String description = function.spec().settings().get(Field.DESCRIPTION);
            AsyncCounts.Pending waiting = pending.getOrDefault(name, AsyncCounts.Pending.NONE);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("revision", function.revision());
            row.put("public", function.spec().publicTrigger());
            row.put("description", description == null || description.isEmpty() ? null : description);
            row.put("instances", instances(name));
            putTally(row, totals.getOrDefault(name, new Tally()));
            row.put("backlog", waiting.backlog());
            row.put("deadLetters", waiting.deadLetters());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", window.wireName());
        json.put("functions", rows);
        Json.send(exchange, 200, json);
    }

    void function(HttpServerExchange exchange) {
        String name = FunctionName.check(FunctionsApi.pathName(exchange));
        if (registry.get(name).isEmpty()) {
            throw FunctionRegistry.notFound(name);
        }
        Window window = window(exchange);
        Instant now = stats.now();
        List<Instant> starts = window.starts(now);
        List<Tally> tallies = window.bucketed(stats.minutes(name, window.from(now), window.to(now)), now);
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("start", TIME.format(starts.get(i)));
            putTally(bucket, tallies.get(i));
            buckets.add(bucket);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("function", name);
        json.put("window", window.wireName());
        json.put("bucketSeconds", window.bucketSeconds());
        json.put("buckets", buckets);
        Json.send(exchange, 200, json);
    }

    /** Live instances by what they do: starting, idle (ready, no call) and busy (running calls). */
    private Map<String, Object> instances(String function) {
        int idle = 0;
        int busy = 0;
        for (LiveInstances.Snapshot instance : instances.of(function)) {
            if (instance.inFlight() > 0) {
                busy++;
            } else if (instance.state().equals("ready")) {
                idle++;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("starting", instances.starting(function));
        json.put("idle", idle);
        json.put("busy", busy);
        return json;
    }

    private static void putTally(Map<String, Object> json, Tally tally) {
        json.put("calls", tally.calls());
        json.put("errors", tally.errors());
        json.put("coldStarts", tally.coldStarts());
        json.put("p50Ms", tally.latency().percentile(0.50));
        json.put("p99Ms", tally.latency().percentile(0.99));
    }

    /** The {@code window} query parameter: {@code 1h} when absent, else {@code 1h} or {@code 1d}. */
    static Window window(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().get("window");
        if (values == null || values.isEmpty()) {
            return Window.HOUR;
        }
        return Window.parse(values.getFirst().strip())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.INVALID_WINDOW,
                        "\"window\" must be 1h (the last hour by minute) or 1d (the last day by quarter hour): "
                                + quote(values.getFirst())));
    }
}
