package dev.fn4j.maven.core;

/**
 * One function's scaling and protection settings as the user wrote them, unchecked; null
 * means "not set".
 *
 * @param minInstances the instances kept warm, for example {@code 1}
 * @param maxInstances the most instances at once, for example {@code 10}
 * @param idleTimeout how long an idle instance above the minimum lives, for example {@code 10m}
 * @param maxQueue the calls that may wait for a free instance, for example {@code 100}
 * @param rateLimit the function's token bucket, for example {@code 10/s,burst=20}
 */
public record ScalingOptions(String minInstances, String maxInstances, String idleTimeout,
        String maxQueue, String rateLimit) {

    /** Nothing set: the runtime's defaults apply. */
    public static final ScalingOptions NONE = new ScalingOptions(null, null, null, null, null);

    /** Blank strings count as not set, the way Maven leaves an empty element. */
    public ScalingOptions {
        minInstances = FunctionOptions.blankToNull(minInstances);
        maxInstances = FunctionOptions.blankToNull(maxInstances);
        idleTimeout = FunctionOptions.blankToNull(idleTimeout);
        maxQueue = FunctionOptions.blankToNull(maxQueue);
        rateLimit = FunctionOptions.blankToNull(rateLimit);
    }
}
