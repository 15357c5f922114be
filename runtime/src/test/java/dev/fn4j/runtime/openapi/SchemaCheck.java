package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON against the schemas of an OpenAPI 3.1 document with a JSON Schema 2020-12
 * validator: a schema is checked as the root of a copy of the document's components, so that its
 * {@code $ref}s to {@code #/components/...} resolve.
 */
public final class SchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;

    public SchemaCheck(JsonNode document) {
        this.document = document;
    }

    public JsonNode document() {
        return document;
    }

    /** What is wrong with {@code instance} by {@code schema} (a schema of the document); empty when valid. */
    public List<String> problems(JsonNode schema, JsonNode instance) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        Schema compiled = REGISTRY.getSchema(root.toString(), InputFormat.JSON);
        List<String> problems = new ArrayList<>();
        for (Error error : compiled.validate(instance.toString(), InputFormat.JSON)) {
            problems.add(error.toString());
        }
        return problems;
    }

    /** The operation for a method and a document path, such as {@code get} and {@code /v1/keys/{id}}. */
    public JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no " + method + " " + path);
        }
        return operation;
    }

    /** The response of an operation for a status, following a {@code $ref}; null when undocumented. */
    public JsonNode response(JsonNode operation, int status) {
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        return response.isMissingNode() ? null : resolve(response);
    }

    /** A node with its {@code $ref} to {@code #/...} followed. */
    public JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(document.at(ref.asText().substring(1)));
    }

    /** Every documented example: where it is, its schema and the example. */
    public List<Map.Entry<String, JsonNode[]>> examples() {
        List<Map.Entry<String, JsonNode[]>> examples = new ArrayList<>();
        collect("", document.get("paths"), examples);
        return examples;
    }

    private static void collect(String at, JsonNode node, List<Map.Entry<String, JsonNode[]>> examples) {
        if (node.isObject() && node.has("schema") && node.has("example")) {
            examples.add(Map.entry(at, new JsonNode[] {node.get("schema"), node.get("example")}));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(at + "/" + field.getKey(), field.getValue(), examples);
        }
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(json, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
