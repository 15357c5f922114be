package dev.fn4j.runtime.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The hand-written part of the description, in one place: {@code operations.json} holds each
 * route's documentation keyed by {@link Endpoint#key()} (an OpenAPI operation without its summary,
 * security and path parameters, which come from the route table, plus {@code "errors"}: the error
 * statuses the route answers besides the ones every route may; for a prefix route,
 * {@code "x-fn4j-paths"}, the templates it is documented under, and for one taking every method,
 * optionally {@code "x-fn4j-methods"}), {@code components.json} the schemas, headers and
 * parameters they share. Documenting a new route is adding its entry.
 */
final class Catalogue {

    static final String OPERATIONS = "operations.json";
    static final String COMPONENTS = "components.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Entries by key; never changed after loading, each read copies. */
    private final ObjectNode operations;

    private final ObjectNode components;

    private Catalogue(ObjectNode operations, ObjectNode components) {
        this.operations = operations;
        this.components = components;
    }

    /** A catalogue of these operations and components, such as a test's. */
    static Catalogue of(ObjectNode operations, ObjectNode components) {
        return new Catalogue(operations.deepCopy(), components.deepCopy());
    }

    /** The catalogue in the runtime's jar. */
    static Catalogue load() {
        return new Catalogue(read(OPERATIONS), read(COMPONENTS));
    }

    /** A copy of the documentation of the endpoint with this key; empty when it has none. */
    Optional<ObjectNode> operation(String key) {
        return Optional.ofNullable((ObjectNode) operations.get(key)).map(ObjectNode::deepCopy);
    }

    /** The keys of every documented operation, in the catalogue's order. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        operations.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A copy of the shared components. */
    ObjectNode components() {
        return components.deepCopy();
    }

    private static ObjectNode read(String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the runtime's jar lacks " + name + " next to " + Catalogue.class);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
