package dev.fn4j.runtime.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.limit.RateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link FunctionSpec} as JSON in the format {@code PUT /v1/functions/{name}} takes,
 * every field explicit, and reads it back. Reading trusts the text (it was written by
 * {@link #write}): it applies no defaults and no ranges beyond the spec's own invariants, so a
 * stored revision still loads after the API's limits change.
 */
public final class FunctionSpecJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FunctionSpecJson() {}

    public static String write(FunctionSpec spec) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("image", spec.image());
        json.put("handler", spec.handler());
        json.put("timeout", Quantities.formatDuration(spec.timeout()));
        json.put("memory", Quantities.formatMemory(spec.memoryBytes()));
        json.put("cpus", spec.cpus());
        json.put("concurrency", spec.concurrency());
        ObjectNode env = json.putObject("env");
        spec.env().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> env.put(e.getKey(), e.getValue()));
        FunctionSpec.Scaling scaling = spec.scaling();
        json.put("minInstances", scaling.minInstances());
        json.put("maxInstances", scaling.maxInstances());
        json.put("idleTimeout", Quantities.formatDuration(scaling.idleTimeout()));
        json.put("maxQueue", scaling.maxQueue());
        json.put("public", spec.publicTrigger());
        if (spec.rateLimit() != null) {
            ObjectNode rate = json.putObject("rateLimit");
            rate.put("perSecond", spec.rateLimit().perSecond());
            rate.put("burst", spec.rateLimit().burst());
        }
        return json.toString();
    }

    /** Reads what {@link #write} wrote; throws IllegalArgumentException naming a damaged field. */
    public static FunctionSpec read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored spec is not JSON: " + e.getOriginalMessage());
        }
        Map<String, String> env = new LinkedHashMap<>();
        json.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode rate = json.get("rateLimit");
        return new FunctionSpec(
                required(json, "image").asText(),
                required(json, "handler").asText(),
                duration(json, "timeout"),
                memory(json),
                required(json, "cpus").asDouble(),
                required(json, "concurrency").asInt(),
                env,
                new FunctionSpec.Scaling(required(json, "minInstances").asInt(),
                        required(json, "maxInstances").asInt(), duration(json, "idleTimeout"),
                        required(json, "maxQueue").asInt()),
                rate == null || rate.isNull() ? null : new RateLimit(
                        required(rate, "perSecond").asInt(), required(rate, "burst").asInt()),
                // Revisions stored before functions could be public lack the field.
                json.path("public").asBoolean(false));
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("stored spec has no \"" + field + "\": " + json);
        }
        return node;
    }

    private static Duration duration(JsonNode json, String field) {
        Duration d = Quantities.parseDuration(required(json, field).asText());
        if (d == null) {
            throw new IllegalArgumentException("stored spec has a malformed \"" + field + "\": "
                    + json.get(field));
        }
        return d;
    }

    private static long memory(JsonNode json) {
        long bytes = Quantities.parseMemory(required(json, "memory").asText());
        if (bytes <= 0) {
            throw new IllegalArgumentException("stored spec has a malformed \"memory\": "
                    + json.get("memory"));
        }
        return bytes;
    }
}
