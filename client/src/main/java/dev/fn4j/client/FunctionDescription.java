package dev.fn4j.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A deployed function as the runtime describes it.
 *
 * @param name the function's name
 * @param revision the revision number; every deployment makes a new one
 * @param image the image id the revision runs
 * @param handler the handler class the revision runs
 * @param timeout the time limit of one call, for example {@code 30s}
 * @param memory the memory limit of one instance, for example {@code 256m}
 * @param cpus the CPU quota of one instance
 * @param concurrency the calls in flight per instance
 * @param env the function's configuration
 * @param url the HTTP trigger's path, relative to the runtime, for example {@code /fn/hello}
 * @param publicTrigger whether the HTTP trigger answers calls without an API key (JSON
 *     {@code "public"}); false when the runtime does not say
 * @param invocationsUrl the invocation endpoint's path, relative to the runtime
 * @param createdAt when the function was first deployed, ISO-8601
 * @param updatedAt when the current revision was deployed, ISO-8601
 * @param instances the function's live instances; empty when none runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionDescription(
        String name,
        long revision,
        String image,
        String handler,
        String timeout,
        String memory,
        Double cpus,
        Integer concurrency,
        Map<String, String> env,
        String url,
        @JsonProperty("public") boolean publicTrigger,
        String invocationsUrl,
        String createdAt,
        String updatedAt,
        List<Instance> instances) {

    /** Replaces missing collections by empty ones. */
    public FunctionDescription {
        env = env == null ? Map.of() : Map.copyOf(env);
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    /**
     * One live instance (container) of a function.
     *
     * @param id the instance id
     * @param revision the function revision it runs
     * @param state its state, for example {@code idle} or {@code busy}
     * @param startedAt when it started, ISO-8601
     * @param inFlight the calls it is serving now
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instance(String id, long revision, String state, String startedAt, int inFlight) {}
}
