package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code PUT /v1/functions/{name}}: what to run and with which settings. Only the
 * image is required; every setting left unset lets the runtime apply its default (docs/api.md).
 *
 * @param image the image id from {@link ImageUpload#id()}, or a {@code name:tag} the engine has
 * @param handler the handler's fully qualified class name; null for the image's only handler
 * @param env the function's configuration, handed to it as {@code Context.config()}; null or
 *     empty sends none
 * @param settings the other settings; only those set are sent
 */
public record FunctionSpec(String image, String handler, Map<String, String> env, Settings settings) {

    /** Checks that the image is set and copies the environment. */
    public FunctionSpec {
        Objects.requireNonNull(image, "image");
        env = env == null || env.isEmpty() ? null : Map.copyOf(env);
        settings = settings == null ? Settings.DEFAULTS : settings;
    }

    /** A spec that runs the image's only handler with the runtime's defaults. */
    public static FunctionSpec of(String image) {
        return new FunctionSpec(image, null, null, Settings.DEFAULTS);
    }

    /** This spec running {@code handlerClass}. */
    public FunctionSpec withHandler(String handlerClass) {
        return new FunctionSpec(image, handlerClass, env, settings);
    }

    /** This spec with {@code variables} as its configuration. */
    public FunctionSpec withEnv(Map<String, String> variables) {
        return new FunctionSpec(image, handler, variables, settings);
    }

    /** This spec with {@code field} set to {@code value}; null unsets it. */
    public <T> FunctionSpec with(Field<T> field, T value) {
        return new FunctionSpec(image, handler, env, settings.with(field, value));
    }

    /** The JSON body: image, handler and env when set, then each setting set, as its field says. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", image);
        if (handler != null) {
            json.put("handler", handler);
        }
        if (env != null) {
            json.put("env", env);
        }
        for (Field<?> field : Field.ALL) {
            if (settings.isSet(field)) {
                json.put(field.name(), plain(field));
            }
        }
        return json;
    }

    private <T> Object plain(Field<T> field) {
        return field.toPlain(settings.get(field));
    }
}
