package dev.fn4j.maven.core;

import dev.fn4j.client.FunctionSpec;
import java.util.Map;
import java.util.Objects;

/**
 * One function to deploy, its settings checked; the handler is still the requested name (null
 * for "the only one") until {@link HandlerChooser} picks the class.
 *
 * @param name the function's name, valid for the runtime
 * @param handler the requested handler class name, or null
 * @param handlerSetting where the handler name was set, for error messages
 * @param timeout the time limit of one call, or null for the runtime's default
 * @param memory the memory limit of one instance, or null for the runtime's default
 * @param cpus the CPU quota of one instance, or null for the runtime's default
 * @param concurrency the calls in flight per instance, or null for the runtime's default
 * @param env the function's configuration, never null
 * @param scaling the scaling and protection settings, never null
 * @param publicTrigger whether the HTTP trigger needs no API key, or null for the runtime's
 *     default (it needs one)
 */
public record FunctionTarget(String name, String handler, Setting handlerSetting, String timeout,
        String memory, Double cpus, Integer concurrency, Map<String, String> env, Scaling scaling,
        Boolean publicTrigger) {

    /** Copies the environment and checks that the scaling settings are there. */
    public FunctionTarget {
        env = Map.copyOf(env);
        Objects.requireNonNull(scaling, "scaling");
    }

    /** The runtime's spec for this function running {@code handlerClass} from {@code image}. */
    public FunctionSpec spec(String image, String handlerClass) {
        return new FunctionSpec(image, handlerClass, timeout, memory, cpus, concurrency,
                env.isEmpty() ? null : env, scaling.minInstances(), scaling.maxInstances(),
                scaling.idleTimeout(), scaling.maxQueue(), scaling.rateLimit(), publicTrigger);
    }
}
