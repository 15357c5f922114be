package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;

/**
 * The {@code FunctionSettings} schema, from the spec's one model of settings ({@link Field#ALL}):
 * a property per field, typed as its {@link Field.Kind} says, with its default, its limits and its
 * rule in words. A new setting shows up here without a change.
 */
final class SpecSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecSchema() {}

    static ObjectNode settings() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.put("description", "every setting of a function, each optional, with its default");
        ObjectNode properties = schema.putObject("properties");
        for (Field<?> field : Field.ALL) {
            properties.set(field.name(), property(field));
        }
        return schema;
    }

    private static <T> ObjectNode property(Field<T> field) {
        ObjectNode property = JSON.objectNode();
        switch (field.kind()) {
            case TEXT -> property.put("type", "string");
            case NUMBER -> property.put("type", "number").put("exclusiveMinimum", 0);
            case WHOLE_NUMBER ->
                property.put("type", "integer").put("minimum", field.min()).put("maximum", field.max());
            case BOOLEAN -> property.put("type", "boolean");
            case RATE_LIMIT -> rateLimit(property, field);
        }
        property.put("description", field.mustBe());
        T value = field.defaultValue();
        if (value != null && !"".equals(value)) {
            property.set("default", MAPPER.valueToTree(field.toPlain(value)));
        }
        return property;
    }

    private static void rateLimit(ObjectNode property, Field<?> field) {
        property.put("type", "object").put("additionalProperties", false);
        property.putArray("required").add("perSecond");
        ObjectNode properties = property.putObject("properties");
        for (String name : new String[] {"perSecond", "burst"}) {
            properties
                    .putObject(name)
                    .put("type", "integer")
                    .put("minimum", field.min())
                    .put("maximum", RateLimit.MAX);
        }
    }
}
