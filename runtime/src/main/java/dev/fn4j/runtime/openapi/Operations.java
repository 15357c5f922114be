package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code paths} of the description: for each endpoint, its catalogue documentation completed
 * from the route itself, so that neither can say what the other does not: the summary, the
 * security requirement of its guard, its path parameters, a {@code Fn-Request-Id} on every
 * answer and the error answers every route of its guard may give besides the ones it lists.
 */
final class Operations {

    /** The methods a route taking every method (an HTTP trigger) is documented with. */
    static final List<String> EVERY_METHOD = List.of("get", "post", "put", "patch", "delete", "head", "options");
    /** The catalogue member listing the concrete templates a prefix route is documented under. */
    static final String PATHS = "x-fn4j-paths";
    /** The catalogue member narrowing the methods a route taking every method is documented with. */
    static final String METHODS = "x-fn4j-methods";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Catalogue catalogue;

    Operations(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    ObjectNode paths(List<Endpoint> endpoints) {
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            ObjectNode doc = catalogue.operation(endpoint.key()).orElseGet(Operations::undocumented);
            List<String> templates = templates(endpoint, doc.remove(PATHS));
            List<String> methods = methods(endpoint, doc.remove(METHODS));
            for (int i = 0; i < templates.size(); i++) {
                for (String method : methods) {
                    String suffix = (methods.size() > 1 ? capitalized(method) : "") + (i > 0 ? "Below" : "");
                    paths.computeIfAbsent(templates.get(i), template -> JSON.objectNode())
                            .set(method, operation(endpoint, doc, templates.get(i), suffix));
                }
            }
        }
        ObjectNode json = JSON.objectNode();
        paths.forEach(json::set);
        return json;
    }

    private static List<String> methods(Endpoint endpoint, JsonNode documented) {
        if (!endpoint.method().equals("*")) {
            return List.of(endpoint.method().toLowerCase(Locale.ROOT));
        }
        List<String> methods = new ArrayList<>();
        if (documented != null) {
            documented.forEach(method -> methods.add(method.asText().toLowerCase(Locale.ROOT)));
        }
        return methods.isEmpty() ? EVERY_METHOD : methods;
    }

    private static List<String> templates(Endpoint endpoint, JsonNode documented) {
        if (!endpoint.path().endsWith("/*")) {
            return List.of(endpoint.path());
        }
        List<String> templates = new ArrayList<>();
        if (documented != null) {
            documented.forEach(template -> templates.add(template.asText()));
        }
        if (templates.isEmpty()) {
            templates.add(endpoint.path().substring(0, endpoint.path().length() - 2) + "/{path}");
        }
        return templates;
    }

    private ObjectNode operation(Endpoint endpoint, ObjectNode doc, String template, String suffix) {
        ObjectNode operation = JSON.objectNode().put("summary", endpoint.summary());
        if (doc.has("operationId")) {
            operation.put("operationId", doc.get("operationId").asText() + suffix);
        }
        Security.apply(endpoint.guard(), operation);
        doc.fields().forEachRemaining(field -> {
            if (!operation.has(field.getKey()) && !field.getKey().equals("errors")) {
                operation.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        operation.set("parameters", parameters(operation.withArray("parameters"), template));
        operation.set("responses", responses(endpoint, operation.with("responses"), doc.get("errors")));
        return operation;
    }

    /** The documented parameters, and the template's path parameters it leaves out. */
    private static ArrayNode parameters(ArrayNode documented, String template) {
        ArrayNode parameters = documented.deepCopy();
        Matcher variable = PARAMETER.matcher(template);
        while (variable.find()) {
            String name = variable.group(1);
            boolean declared = false;
            for (JsonNode parameter : documented) {
                declared |= name.equals(parameter.path("name").asText())
                        && "path".equals(parameter.path("in").asText());
            }
            if (!declared) {
                parameters.add(pathParameter(name));
            }
        }
        return parameters;
    }

    private static ObjectNode pathParameter(String name) {
        ObjectNode parameter =
                JSON.objectNode().put("name", name).put("in", "path").put("required", true);
        switch (name) {
            case "name" -> parameter.putObject("schema").put("$ref", "#/components/schemas/FunctionName");
            case "id" -> parameter.putObject("schema").put("$ref", "#/components/schemas/InvocationId");
            default ->
                parameter
                        .put("description", "the rest of the path; may contain '/'")
                        .putObject("schema")
                        .put("type", "string");
        }
        return parameter;
    }

    /** The documented answers, each with {@code Fn-Request-Id}, then the error answers by status. */
    private static ObjectNode responses(Endpoint endpoint, ObjectNode documented, JsonNode errors) {
        Map<String, JsonNode> byStatus = new TreeMap<>(Comparator.comparing(Operations::order));
        documented.fields().forEachRemaining(answer -> {
            ObjectNode response = answer.getValue().deepCopy();
            if (!response.has("$ref")) {
                ObjectNode headers = JSON.objectNode();
                headers.putObject("Fn-Request-Id").put("$ref", "#/components/headers/Fn-Request-Id");
                response.with("headers")
                        .fields()
                        .forEachRemaining(header -> headers.set(header.getKey(), header.getValue()));
                response.set("headers", headers);
            }
            byStatus.put(answer.getKey(), response);
        });
        List<Integer> statuses = new ArrayList<>(Security.errorStatuses(endpoint.guard()));
        if (errors != null) {
            errors.forEach(status -> statuses.add(status.asInt()));
        }
        for (int status : statuses) {
            if (!ErrorSchemas.statuses().contains(status)) {
                throw new IllegalStateException(
                        endpoint.key() + " lists error status " + status + ", which no error code has; see ErrorCode");
            }
            byStatus.putIfAbsent(
                    Integer.toString(status),
                    JSON.objectNode().put("$ref", "#/components/responses/" + ErrorSchemas.responseName(status)));
        }
        ObjectNode json = JSON.objectNode();
        byStatus.forEach(json::set);
        return json;
    }

    /** Statuses in numeric order, {@code default} last. */
    private static String order(String status) {
        return status.equals("default") ? "9" : status;
    }

    private static ObjectNode undocumented() {
        ObjectNode doc = JSON.objectNode().put("description", "not documented yet");
        doc.putObject("responses").putObject("default").put("description", "not documented yet");
        return doc;
    }

    private static String capitalized(String method) {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
