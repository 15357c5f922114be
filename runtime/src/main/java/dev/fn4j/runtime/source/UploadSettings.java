package dev.fn4j.runtime.source;

import static dev.fn4j.runtime.error.Messages.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An upload's function settings, from its manifest ({@code fn4j.json}) and its parameters, as the
 * JSON body {@code PUT /v1/functions} takes, so the one spec parser checks them: a parameter's text
 * form is read by its {@link Field}, {@code env.NAME=value} sets one variable, and a parameter
 * overrides the manifest.
 */
public final class UploadSettings {

    /** The manifest's name at the archive's root. */
    public static final String MANIFEST = "fn4j.json";

    /** A manifest holds settings, not data. */
    static final long MAX_MANIFEST_BYTES = 64 * 1024;

    private static final String ENV_PREFIX = "env.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UploadSettings() {}

    /**
     * The parameters as a spec body.
     *
     * @throws ApiException {@code invalid_spec} naming the parameter and the form it must have
     */
    public static ObjectNode fromParameters(Map<String, List<String>> parameters) {
        ObjectNode json = MAPPER.createObjectNode();
        parameters.forEach((name, values) -> {
            if (values.isEmpty()) {
                return;
            }
            String value = values.get(values.size() - 1);
            if (name.startsWith(ENV_PREFIX)) {
                json.with("env").put(name.substring(ENV_PREFIX.length()), value);
            } else {
                json.set(name, node(name, value));
            }
        });
        refuseImage(json);
        return json;
    }

    private static JsonNode node(String name, String value) {
        Field<?> field = Field.ALL.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElse(null);
        if (field == null || field.kind() == Field.Kind.TEXT) {
            return MAPPER.getNodeFactory().textNode(value); // the spec parser names unknown fields
        }
        return MAPPER.valueToTree(plain(field, value));
    }

    private static <T> Object plain(Field<T> field, String value) {
        try {
            return field.toPlain(field.parse(value));
        } catch (SpecException e) {
            throw new ApiException(
                    ErrorCode.INVALID_SPEC,
                    "parameter \"" + field.name() + "\" is " + e.problem() + ": " + quote(value) + "; "
                            + e.getMessage());
        }
    }

    /**
     * The manifest at {@code root}, removed from the tree so it does not ship in the image, with
     * {@code parameters} laid over it; the parameters alone when there is none.
     */
    static ObjectNode merged(Path root, ObjectNode parameters) throws IOException {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return parameters;
        }
        if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
            throw new SourceRejectedException(
                    "bad_manifest", MANIFEST, MANIFEST + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        JsonNode read;
        try {
            read = MAPPER.readTree(Files.readAllBytes(manifest));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceRejectedException(
                    "bad_manifest", MANIFEST, MANIFEST + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (read == null || !read.isObject()) {
            throw new SourceRejectedException(
                    "bad_manifest",
                    MANIFEST,
                    MANIFEST + " must be a JSON object such as {\"handler\": \"com.example.Hello\"}");
        }
        Files.delete(manifest);
        ObjectNode json = (ObjectNode) read;
        refuseImage(json);
        parameters.fields().forEachRemaining(e -> {
            if (e.getKey().equals("env") && json.get("env") instanceof ObjectNode env) {
                env.setAll((ObjectNode) e.getValue());
            } else {
                json.set(e.getKey(), e.getValue());
            }
        });
        return json;
    }

    /** The handler the settings name, or null. */
    static String handler(ObjectNode json) {
        JsonNode handler = json.get("handler");
        return handler != null && handler.isTextual() && !handler.asText().isBlank() ? handler.asText() : null;
    }

    private static void refuseImage(ObjectNode json) {
        if (json.has("image")) {
            throw new ApiException(
                    ErrorCode.INVALID_SPEC,
                    "\"image\" cannot be set on an upload: the runtime builds the image from it; got "
                            + quote(json.get("image").asText()));
        }
    }
}
