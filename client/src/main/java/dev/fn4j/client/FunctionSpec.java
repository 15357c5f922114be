package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code PUT /v1/functions/{name}}: what to run and with which limits. Every field
 * but {@code image} may be null, which lets the runtime apply its default (docs/api.md).
 *
 * @param image the image id from {@link ImageUpload#id()}, or a {@code name:tag} the engine has
 * @param handler the handler's fully qualified class name; null for the image's only handler
 * @param timeout the time limit of one call: {@code <n>ms}, {@code <n>s} or {@code <n>m}
 * @param memory the memory limit of one instance: {@code <n>m} or {@code <n>g}
 * @param cpus the CPU quota of one instance, for example {@code 0.5}
 * @param concurrency the calls in flight per instance
 * @param env the function's configuration, handed to it as {@code Context.config()}
 * @param minInstances the instances started at deploy and kept warm
 * @param maxInstances the most instances at once
 * @param idleTimeout how long an idle instance above the minimum lives: {@code <n>ms},
 *     {@code <n>s} or {@code <n>m}
 * @param maxQueue the calls that may wait for a free instance
 * @param rateLimit the function's token bucket
 * @param publicTrigger whether the function's HTTP trigger ({@code /fn/{name}}) answers calls
 *     without an API key; sent as {@code "public"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionSpec(String image, String handler, String timeout, String memory,
        Double cpus, Integer concurrency, Map<String, String> env, Integer minInstances,
        Integer maxInstances, String idleTimeout, Integer maxQueue, RateLimit rateLimit,
        @JsonProperty("public") Boolean publicTrigger) {

    /** Checks that the image is set and copies the environment. */
    public FunctionSpec {
        Objects.requireNonNull(image, "image");
        env = env == null ? null : Map.copyOf(env);
    }

    /** A spec that runs the image's only handler with the runtime's defaults. */
    public static FunctionSpec of(String image) {
        return new FunctionSpec(image, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
