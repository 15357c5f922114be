package dev.fn4j.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.limit.RateLimit;
import static dev.fn4j.runtime.error.Messages.quote;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON body of {@code PUT /v1/functions/{name}} into a {@link FunctionSpec}, applying
 * defaults and answering every bad field with a 400 {@code invalid_spec} that names the field, the
 * value and the accepted range. The handler is left empty when absent: the image may name it.
 */
public final class FunctionSpecParser {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final long DEFAULT_MEMORY = 256L * 1024 * 1024;
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
    static final long MIN_MEMORY = 64L * 1024 * 1024;
    static final long MAX_MEMORY = 16L * 1024 * 1024 * 1024;
    static final int MAX_CONCURRENCY = 1000;

    static final int MAX_INSTANCES = 100;
    static final int MAX_QUEUE = 10_000;
    static final int MAX_RATE = 1_000_000;

    private static final Set<String> FIELDS = Set.of("image", "handler", "timeout", "memory",
            "cpus", "concurrency", "env", "minInstances", "maxInstances", "idleTimeout",
            "maxQueue", "rateLimit", "public");
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final int maxCpus;

    /** @param maxCpus the most CPUs one instance may have: the machine's cores */
    public FunctionSpecParser(int maxCpus) {
        if (maxCpus < 1) {
            throw new IllegalArgumentException("maxCpus must be positive: " + maxCpus);
        }
        this.maxCpus = maxCpus;
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
        String image = text(json, "image", null);
        if (image == null || image.isBlank()) {
            throw invalid("\"image\" is required: the id that POST /v1/images returned");
        }
        String handler = text(json, "handler", "");
        if (!handler.isEmpty() && !CLASS_NAME.matcher(handler).matches()) {
            throw invalid("\"handler\" must be a fully qualified class name: "
                    + quote(handler));
        }
        return new FunctionSpec(image, handler, timeout(json), memory(json), cpus(json),
                concurrency(json), env(json), scaling(json), rateLimit(json),
                publicTrigger(json));
    }

    private static boolean publicTrigger(JsonNode json) {
        JsonNode node = json.get("public");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid("\"public\" must be true or false: " + node);
        }
        return node.booleanValue();
    }

    private static RateLimit rateLimit(JsonNode json) {
        JsonNode node = json.get("rateLimit");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.has("perSecond")) {
            throw invalid("\"rateLimit\" must be an object {\"perSecond\": n, \"burst\": n}: "
                    + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("perSecond") && !field.equals("burst")) {
                throw invalid("unknown field " + quote(field) + " in \"rateLimit\"; known"
                        + " fields: burst, perSecond");
            }
        }
        int perSecond = wholeNumber(node, "perSecond", 1, 1, MAX_RATE);
        int burst = wholeNumber(node, "burst", perSecond, 1, MAX_RATE);
        return new RateLimit(perSecond, burst);
    }

    private static FunctionSpec.Scaling scaling(JsonNode json) {
        FunctionSpec.Scaling d = FunctionSpec.Scaling.DEFAULT;
        int max = wholeNumber(json, "maxInstances", d.maxInstances(), 1, MAX_INSTANCES);
        int min = wholeNumber(json, "minInstances", d.minInstances(), 0, max);
        int queue = wholeNumber(json, "maxQueue", d.maxQueue(), 0, MAX_QUEUE);
        Duration idle = d.idleTimeout();
        String text = text(json, "idleTimeout", null);
        if (text != null) {
            idle = Quantities.parseDuration(text);
            if (idle == null || idle.isZero() || idle.compareTo(Duration.ofDays(1)) > 0) {
                throw invalid("\"idleTimeout\" must be " + Quantities.DURATION_FORMAT
                        + ", from 1ms to 1440m: " + quote(text));
            }
        }
        return new FunctionSpec.Scaling(min, max, idle, queue);
    }

    private Duration timeout(JsonNode json) {
        String text = text(json, "timeout", null);
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        Duration d = Quantities.parseDuration(text);
        if (d == null || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid("\"timeout\" must be " + Quantities.DURATION_FORMAT
                    + ", from 1ms to 15m: " + quote(text));
        }
        return d;
    }

    private long memory(JsonNode json) {
        String text = text(json, "memory", null);
        if (text == null) {
            return DEFAULT_MEMORY;
        }
        long bytes = Quantities.parseMemory(text);
        if (bytes < MIN_MEMORY || bytes > MAX_MEMORY) {
            throw invalid("\"memory\" must be " + Quantities.MEMORY_FORMAT
                    + ", from 64m to 16g: " + quote(text));
        }
        return bytes;
    }

    private double cpus(JsonNode json) {
        JsonNode node = json.get("cpus");
        if (node == null || node.isNull()) {
            return 1.0;
        }
        if (!node.isNumber() || node.asDouble() < 0.01 || node.asDouble() > maxCpus) {
            throw invalid("\"cpus\" must be a number from 0.01 to " + maxCpus + ": " + node);
        }
        return node.asDouble();
    }

    private static int concurrency(JsonNode json) {
        return wholeNumber(json, "concurrency", 1, 1, MAX_CONCURRENCY);
    }

    private static int wholeNumber(JsonNode json, String field, int fallback, int min, int max) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw invalid("\"" + field + "\" must be a whole number from " + min + " to " + max
                    + ": " + node);
        }
        return node.asInt();
    }

    private Map<String, String> env(JsonNode json) {
        JsonNode node = json.get("env");
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
            if (!ENV_NAME.matcher(name).matches() || name.startsWith("FN4J_")) {
                throw invalid("\"env\" names must match [A-Za-z_][A-Za-z0-9_]* and not start"
                        + " with FN4J_: " + quote(name));
            }
            if (!e.getValue().isTextual()) {
                throw invalid("\"env\" values must be strings: " + name + "=" + e.getValue());
            }
            env.put(name, e.getValue().asText());
        }
        return env;
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return fallback;
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
