package dev.fn4j.runtime.function;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.EnvNames;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import dev.fn4j.spec.Settings;
import dev.fn4j.spec.SpecException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns the JSON body of {@code PUT /v1/functions/{name}} into a {@link FunctionSpec}: the image,
 * handler and env here, every other field as {@link Field#ALL} says, answering every bad field
 * with a 400 {@code invalid_spec} that names the field, the value and the accepted range. The
 * handler is left empty when absent: the image may name it.
 */
public final class FunctionSpecParser {

    private static final Set<String> FIELDS = knownFields();
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /** The most CPUs one instance may have: the machine's cores; at least 1. */
    private final int maxCpus;

    /** Checks of settings the spec module reads as text only (a schedule's cron expression). */
    private final Consumer<FunctionSpec> runtimeChecks;

    /** @param maxCpus the most CPUs one instance may have: the machine's cores */
    public FunctionSpecParser(int maxCpus) {
        this(maxCpus, spec -> {});
    }

    /**
     * @param runtimeChecks throws a 400 {@code invalid_spec} for a setting the runtime cannot act
     *     on
     */
    public FunctionSpecParser(int maxCpus, Consumer<FunctionSpec> runtimeChecks) {
        this.runtimeChecks = runtimeChecks;
        if (maxCpus < 1) {
            throw new IllegalArgumentException("maxCpus must be positive: " + maxCpus);
        }
        this.maxCpus = maxCpus;
    }

    private static Set<String> knownFields() {
        Set<String> fields = new TreeSet<>(Set.of("image", "handler", EnvNames.FIELD));
        Field.ALL.forEach(f -> fields.add(f.name()));
        return Set.copyOf(fields);
    }

    public FunctionSpec parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid("the body must be a JSON object with at least \"image\"");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw invalid("unknown field " + quote(field) + "; known fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String image = text(json, "image");
        if (image == null || image.isBlank()) {
            throw invalid("\"image\" is required: the id that POST /v1/images returned");
        }
        String handler = text(json, "handler");
        if (handler == null) {
            handler = "";
        }
        if (!handler.isEmpty() && !CLASS_NAME.matcher(handler).matches()) {
            throw invalid("\"handler\" must be a fully qualified class name: " + quote(handler));
        }
        Settings settings = Settings.DEFAULTS;
        for (Field<?> field : Field.ALL) {
            if (field != Field.MIN_INSTANCES) {
                settings = read(json, field, settings);
            }
        }
        // Last: its range ends at maxInstances.
        settings = read(json, Field.MIN_INSTANCES, settings);
        FunctionSpec spec = new FunctionSpec(image, handler, env(json), settings);
        runtimeChecks.accept(spec);
        return spec;
    }

    private <T> Settings read(JsonNode json, Field<T> field, Settings settings) {
        JsonNode node = json.get(field.name());
        if (node == null || node.isNull()) {
            return settings;
        }
        return settings.with(
                field,
                field.kind() == Field.Kind.TEXT
                        ? parsedText(node, field)
                        : field.parse(checkedNode(node, field, settings).asText()));
    }

    private static <T> T parsedText(JsonNode node, Field<T> field) {
        if (!node.isTextual()) {
            throw invalid("\"" + field.name() + "\" must be a string: " + node);
        }
        try {
            return field.parse(node.asText());
        } catch (SpecException e) {
            throw invalid("\"" + field.name() + "\" must be " + field.mustBe() + ": " + quote(node.asText()));
        }
    }

    /** Checks a non-text node against its field's JSON form, returning it as text the field parses. */
    private JsonNode checkedNode(JsonNode node, Field<?> field, Settings settings) {
        String name = field.name();
        switch (field.kind()) {
            case NUMBER -> {
                if (!node.isNumber() || node.asDouble() < Field.MIN_CPUS || node.asDouble() > maxCpus) {
                    throw invalid("\"" + name + "\" must be a number from " + Field.MIN_CPUS + " to " + maxCpus + ": "
                            + node);
                }
            }
            case WHOLE_NUMBER -> {
                // minInstances may not exceed maxInstances, which is read before it.
                long max = field == Field.MIN_INSTANCES ? settings.get(Field.MAX_INSTANCES) : field.max();
                wholeNumber(node, name, field.min(), max);
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw invalid("\"" + name + "\" must be true or false: " + node);
                }
            }
            case RATE_LIMIT -> {
                return rateLimit(node, name);
            }
            default -> throw new IllegalStateException("no JSON form for " + field.kind());
        }
        return node;
    }

    private static JsonNode rateLimit(JsonNode node, String name) {
        if (!node.isObject() || !node.has("perSecond")) {
            throw invalid("\"" + name + "\" must be an object {\"perSecond\": n, \"burst\": n}: " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("perSecond") && !field.equals("burst")) {
                throw invalid(
                        "unknown field " + quote(field) + " in \"" + name + "\"; known" + " fields: burst, perSecond");
            }
        }
        long perSecond = wholeNumber(node.get("perSecond"), "perSecond", 1, RateLimit.MAX);
        JsonNode burst = node.get("burst");
        String text = burst == null || burst.isNull()
                ? perSecond + "/s"
                : perSecond + "/s,burst=" + wholeNumber(burst, "burst", 1, RateLimit.MAX);
        return TextNode.valueOf(text);
    }

    private static long wholeNumber(JsonNode node, String field, long min, long max) {
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw invalid("\"" + field + "\" must be a whole number from " + min + " to " + max + ": " + node);
        }
        return node.asLong();
    }

    private static Map<String, String> env(JsonNode json) {
        JsonNode node = json.get(EnvNames.FIELD);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid("\"env\" must be an object of string values: " + node);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            try {
                EnvNames.check(name);
            } catch (SpecException ex) {
                throw invalid("\"env\" names must match [A-Za-z_][A-Za-z0-9_]* and not start" + " with "
                        + EnvNames.RESERVED_PREFIX + ": " + quote(name));
            }
            if (!e.getValue().isTextual()) {
                throw invalid("\"env\" values must be strings: " + name + "=" + e.getValue());
            }
            env.put(name, e.getValue().asText());
        }
        return env;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("\"" + field + "\" must be a string: " + node);
        }
        return node.asText();
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_SPEC, message);
    }
}
