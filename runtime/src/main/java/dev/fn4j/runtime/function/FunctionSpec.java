package dev.fn4j.runtime.function;

import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import dev.fn4j.spec.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A function's deployed configuration, already validated by {@link FunctionSpecParser}: what to
 * run, its environment, and its {@link Settings} (the spec module's fields, defaults applied).
 *
 * @param image the engine's image id or reference
 * @param handler the handler class the host loads
 * @param env the function's configuration, handed to it as environment variables
 * @param settings every other setting; the accessors below read the ones the runtime acts on
 */
public record FunctionSpec(String image, String handler, Map<String, String> env, Settings settings) {

    public FunctionSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(handler, "handler");
        env = Map.copyOf(env);
        Objects.requireNonNull(settings, "settings");
        Duration timeout = settings.get(Field.TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (settings.get(Field.MEMORY) <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + settings.get(Field.MEMORY));
        }
        if (settings.get(Field.TMP_SIZE) <= 0) {
            throw new IllegalArgumentException("tmpBytes must be positive: " + settings.get(Field.TMP_SIZE));
        }
        if (!(settings.get(Field.CPUS) > 0)) {
            throw new IllegalArgumentException("cpus must be positive: " + settings.get(Field.CPUS));
        }
        if (settings.get(Field.CONCURRENCY) <= 0) {
            throw new IllegalArgumentException("concurrency must be positive: " + settings.get(Field.CONCURRENCY));
        }
        // Checks the scaling invariants.
        new Scaling(
                settings.get(Field.MIN_INSTANCES),
                settings.get(Field.MAX_INSTANCES),
                settings.get(Field.IDLE_TIMEOUT),
                settings.get(Field.MAX_QUEUE));
    }

    /** A spec from the settings the runtime acts on, one argument each. */
    public FunctionSpec(
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
        this(
                image,
                handler,
                env,
                Settings.DEFAULTS
                        .with(Field.TIMEOUT, timeout)
                        .with(Field.MEMORY, memoryBytes)
                        .with(Field.CPUS, cpus)
                        .with(Field.CONCURRENCY, concurrency)
                        .with(Field.MIN_INSTANCES, scaling.minInstances())
                        .with(Field.MAX_INSTANCES, scaling.maxInstances())
                        .with(Field.IDLE_TIMEOUT, scaling.idleTimeout())
                        .with(Field.MAX_QUEUE, scaling.maxQueue())
                        .with(Field.RATE_LIMIT, rateLimit)
                        .with(Field.PUBLIC, publicTrigger));
    }

    /** How long one call may run, positive. */
    public Duration timeout() {
        return settings.get(Field.TIMEOUT);
    }

    /** The instance's memory limit in bytes, positive. */
    public long memoryBytes() {
        return settings.get(Field.MEMORY);
    }

    /** The size of the instance's writable {@code /tmp} in bytes, positive. */
    public long tmpBytes() {
        return settings.get(Field.TMP_SIZE);
    }

    /** The instance's CPU quota, positive. */
    public double cpus() {
        return settings.get(Field.CPUS);
    }

    /** Calls in flight per instance, positive. */
    public int concurrency() {
        return settings.get(Field.CONCURRENCY);
    }

    /** How many instances, how long they idle, how many calls may queue. */
    public Scaling scaling() {
        return new Scaling(
                settings.get(Field.MIN_INSTANCES),
                settings.get(Field.MAX_INSTANCES),
                settings.get(Field.IDLE_TIMEOUT),
                settings.get(Field.MAX_QUEUE));
    }

    /** The function's token bucket, or null for none. */
    public RateLimit rateLimit() {
        return settings.get(Field.RATE_LIMIT);
    }

    /**
     * Whether the HTTP trigger {@code /fn/{name}} answers callers without an API key; the REST
     * API always needs one.
     */
    public boolean publicTrigger() {
        return settings.get(Field.PUBLIC);
    }

    /** This spec with the image pinned to an id and the handler chosen. */
    public FunctionSpec resolved(String imageId, String handlerClass) {
        return new FunctionSpec(imageId, handlerClass, env, settings);
    }

    /**
     * How a function's pool scales.
     *
     * @param minInstances instances kept warm even when idle, 0 ≤ min ≤ max
     * @param maxInstances the most instances at once, at least 1
     * @param idleTimeout how long an instance above the minimum may idle before it is paused (or removed where the engine cannot pause, or with {@code --keep-paused 0})
     * @param maxQueue the most calls that may wait for a slot; more are refused with 429
     */
    public record Scaling(int minInstances, int maxInstances, Duration idleTimeout, int maxQueue) {
        public static final Scaling DEFAULT = new Scaling(
                Field.MIN_INSTANCES.defaultValue(),
                Field.MAX_INSTANCES.defaultValue(),
                Field.IDLE_TIMEOUT.defaultValue(),
                Field.MAX_QUEUE.defaultValue());

        public Scaling {
            if (maxInstances < 1) {
                throw new IllegalArgumentException("maxInstances must be positive: " + maxInstances);
            }
            if (minInstances < 0 || minInstances > maxInstances) {
                throw new IllegalArgumentException(
                        "minInstances must be in [0, maxInstances=" + maxInstances + "]: " + minInstances);
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
