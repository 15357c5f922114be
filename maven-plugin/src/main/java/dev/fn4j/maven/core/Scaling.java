package dev.fn4j.maven.core;

import dev.fn4j.client.RateLimit;

/**
 * One function's scaling and protection settings, checked; null means "not sent", so the
 * runtime's default applies.
 *
 * @param minInstances the instances started at deploy and kept warm
 * @param maxInstances the most instances at once
 * @param idleTimeout how long an idle instance above the minimum lives, for example {@code 10m}
 * @param maxQueue the calls that may wait for a free instance
 * @param rateLimit the function's token bucket
 */
public record Scaling(Integer minInstances, Integer maxInstances, String idleTimeout,
        Integer maxQueue, RateLimit rateLimit) {

    /** Nothing set: the runtime's defaults apply. */
    public static final Scaling NONE = new Scaling(null, null, null, null, null);
}
