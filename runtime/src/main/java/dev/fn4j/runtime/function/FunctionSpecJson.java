package dev.fn4j.runtime.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.spec.EnvNames;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import dev.fn4j.spec.Settings;
import dev.fn4j.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link FunctionSpec} as JSON in the format {@code PUT /v1/functions/{name}} takes,
 * every field explicit, and reads it back. Reading trusts the text (it was written by
 * {@link #write}): it applies no defaults and no ranges beyond the spec's own invariants, so a
 * stored revision still loads after the API's limits change.
 */
public final class FunctionSpecJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The fields every stored revision has; a field added later reads as its default when a
     * revision stored before it lacks it.
     */
    private static final Set<Field<?>> ALWAYS_STORED = Set.of(
            Field.TIMEOUT,
            Field.MEMORY,
            Field.CPUS,
            Field.CONCURRENCY,
            Field.MIN_INSTANCES,
            Field.MAX_INSTANCES,
            Field.IDLE_TIMEOUT,
            Field.MAX_QUEUE);

    private FunctionSpecJson() {}

    public static String write(FunctionSpec spec) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("image", spec.image());
        json.put("handler", spec.handler());
        ObjectNode env = json.putObject(EnvNames.FIELD);
        spec.env().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> env.put(e.getKey(), e.getValue()));
        for (Field<?> field : Field.ALL) {
            Object plain = plain(field, spec.settings());
            if (plain != null) {
                json.set(field.name(), MAPPER.valueToTree(plain));
            }
        }
        return json.toString();
    }

    private static <T> Object plain(Field<T> field, Settings settings) {
        T value = settings.get(field);
        return value == null ? null : field.toPlain(value);
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
        json.path(EnvNames.FIELD)
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        Settings settings = Settings.DEFAULTS;
        for (Field<?> field : Field.ALL) {
            settings = read(json, field, settings);
        }
        return new FunctionSpec(
                required(json, "image").asText(), required(json, "handler").asText(), env, settings);
    }

    private static <T> Settings read(JsonNode json, Field<T> field, Settings settings) {
        JsonNode node = ALWAYS_STORED.contains(field) ? required(json, field.name()) : json.get(field.name());
        if (node == null || node.isNull()) {
            return settings;
        }
        try {
            String text = field.kind() == Field.Kind.RATE_LIMIT
                    ? new RateLimit(
                                    required(node, "perSecond").asInt(),
                                    node.path("burst")
                                            .asInt(node.path("perSecond").asInt()))
                            .format()
                    : node.asText();
            return settings.with(field, field.parseStored(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "stored spec has a malformed \"" + field.name() + "\": " + node,
                    e instanceof SpecException ? null : e);
        }
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("stored spec has no \"" + field + "\": " + json);
        }
        return node;
    }
}
