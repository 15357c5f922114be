package dev.fn4j.maven.core;

import dev.fn4j.client.FunctionSpec;
import dev.fn4j.spec.Settings;
import java.util.Map;
import java.util.Objects;

/**
 * One function to deploy, its settings checked; the handler is still the requested name (null
 * for "the only one") until {@link HandlerChooser} picks the class.
 *
 * @param name the function's name, valid for the runtime
 * @param handler the requested handler class name, or null
 * @param handlerSetting where the handler name was set, for error messages
 * @param env the function's configuration, never null
 * @param settings the other settings; those not set are left to the runtime's defaults
 */
public record FunctionTarget(
        String name, String handler, Setting handlerSetting, Map<String, String> env, Settings settings) {

    /** Copies the environment and checks that the settings are there. */
    public FunctionTarget {
        env = Map.copyOf(env);
        Objects.requireNonNull(settings, "settings");
    }

    /** The runtime's spec for this function running {@code handlerClass} from {@code image}. */
    public FunctionSpec spec(String image, String handlerClass) {
        return new FunctionSpec(image, handlerClass, env, settings);
    }
}
