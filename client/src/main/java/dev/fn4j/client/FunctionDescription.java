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
 * @param description what the function does, as deployed; null when it has none or the runtime
 *     does not say
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
 * @param status {@code active}, or {@code failed} when the current revision's handler cannot
 *     start; {@code active} when the runtime does not say (runtimes before it did)
 * @param error why the function failed; null unless {@code status} is {@code failed}
 * @param instances the function's live instances; empty when none runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionDescription(
        String name,
        long revision,
        String image,
        String handler,
        String description,
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
        String status,
        Failure error,
        List<Instance> instances) {

    /** The status of a function whose handler starts. */
    public static final String ACTIVE = "active";
    /** The status of a function whose current revision's handler cannot start. */
    public static final String FAILED = "failed";

    /** Replaces missing collections by empty ones and a missing status by {@link #ACTIVE}. */
    public FunctionDescription {
        status = status == null || status.isBlank() ? ACTIVE : status;
        env = env == null ? Map.of() : Map.copyOf(env);
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    /** Whether the current revision's handler cannot start, so calls to it fail. */
    public boolean failed() {
        return FAILED.equals(status);
    }

    /**
     * Why a function failed, as its {@code error} field says.
     *
     * @param code the runtime's stable error code, for example {@code handler_failed}
     * @param message the runtime's message, meant for people; never null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String code, String message) {

        /** Replaces a missing code or message by an empty one. */
        public Failure {
            code = code == null ? "" : code;
            message = message == null ? "" : message;
        }
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
