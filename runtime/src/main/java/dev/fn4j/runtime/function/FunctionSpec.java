package dev.fn4j.runtime.function;

import dev.fn4j.runtime.limit.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A function's deployed configuration, already validated by {@link FunctionSpecParser}.
 *
 * @param image the engine's image id or reference
 * @param handler the handler class the host loads
 * @param timeout how long one call may run, positive
 * @param memoryBytes the instance's memory limit, positive
 * @param cpus the instance's CPU quota, positive
 * @param concurrency calls in flight per instance, positive
 * @param env the function's configuration, handed to it as environment variables
 * @param scaling how many instances, how long they idle, how many calls may queue
 * @param rateLimit the function's token bucket, or null for none
 * @param publicTrigger whether the HTTP trigger {@code /fn/{name}} answers callers without an
 *     API key; the REST API always needs one
 */
public record FunctionSpec(
        String image,
        String handler,
        Duration timeout,
        long memoryBytes,
        double cpus,
        int concurrency,
        Map<String, String> env,
        Scaling scaling,
        RateLimit rateLimit,
        boolean publicTrigger) {

    public FunctionSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(handler, "handler");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + memoryBytes);
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("cpus must be positive: " + cpus);
        }
        if (concurrency <= 0) {
            throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(scaling, "scaling");
    }

    /** This spec with the image pinned to an id and the handler chosen. */
    public FunctionSpec resolved(String imageId, String handlerClass) {
        return new FunctionSpec(imageId, handlerClass, timeout, memoryBytes, cpus, concurrency, env,
                scaling, rateLimit, publicTrigger);
    }

    /**
     * How a function's pool scales.
     *
     * @param minInstances instances kept warm even when idle, 0 ≤ min ≤ max
     * @param maxInstances the most instances at once, at least 1
     * @param idleTimeout how long an instance above the minimum may idle before it is stopped
     * @param maxQueue the most calls that may wait for a slot; more are refused with 429
     */
    public record Scaling(int minInstances, int maxInstances, Duration idleTimeout, int maxQueue) {
        public static final Scaling DEFAULT = new Scaling(0, 10, Duration.ofMinutes(10), 100);

        public Scaling {
            if (maxInstances < 1) {
                throw new IllegalArgumentException("maxInstances must be positive: " + maxInstances);
            }
            if (minInstances < 0 || minInstances > maxInstances) {
                throw new IllegalArgumentException("minInstances must be in [0, maxInstances="
                        + maxInstances + "]: " + minInstances);
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
            }
            if (maxQueue < 0) {
                throw new IllegalArgumentException("maxQueue must not be negative: " + maxQueue);
            }
        }
    }
}
