package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI 3.1 document of the runtime's API, built from its route table's endpoints: their
 * catalogue documentation ({@code operations.json}), the shared components, the error schemas
 * from the error catalogue and the settings schema from the spec's. An endpoint without
 * documentation is still described, as undocumented; {@link #undocumented} and {@link #unrouted}
 * say where the route table and the catalogue disagree.
 */
public final class OpenApiDocument {

    /** The OpenAPI version the document follows. */
    public static final String OPENAPI = "3.1.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {}

    /** The document; {@code version} is the runtime's. */
    public static ObjectNode build(List<Endpoint> endpoints, String version) {
        Catalogue catalogue = Catalogue.load();
        ObjectNode document = JSON.objectNode().put("openapi", OPENAPI);
        document.putObject("info")
                .put("title", "fn4j runtime API")
                .put("version", version)
                .put(
                        "description",
                        "The REST API and HTTP triggers of an fn4j runtime. Every answer carries Fn-Request-Id;"
                                + " errors are {\"error\": {\"code\", \"message\"}} with a stable code. See docs/api.md.");
        document.set("paths", new Operations(catalogue).paths(endpoints));
        ObjectNode components = catalogue.components();
        components.with("schemas").set("Error", ErrorSchemas.errorSchema());
        components.with("schemas").set("FunctionSettings", SpecSchema.settings());
        components.set("responses", ErrorSchemas.responses());
        components.putObject("securitySchemes").set(Security.SCHEME, Security.scheme());
        document.set("components", components);
        return document;
    }

    /** The endpoints the catalogue does not document, by key. */
    public static List<String> undocumented(List<Endpoint> endpoints) {
        Set<String> documented = Catalogue.load().keys();
        return endpoints.stream()
                .map(Endpoint::key)
                .filter(key -> !documented.contains(key))
                .toList();
    }

    /** The documented operations no endpoint has, by key. */
    public static List<String> unrouted(List<Endpoint> endpoints) {
        Set<String> routed = new HashSet<>();
        endpoints.forEach(endpoint -> routed.add(endpoint.key()));
        return Catalogue.load().keys().stream()
                .filter(key -> !routed.contains(key))
                .toList();
    }
}
