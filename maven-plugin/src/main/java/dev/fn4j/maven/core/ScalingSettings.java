package dev.fn4j.maven.core;

import static dev.fn4j.maven.core.SettingChecks.parse;
import static dev.fn4j.maven.core.SettingChecks.wholeNumber;

import dev.fn4j.client.RateLimit;
import dev.fn4j.client.SpecFormat;

/**
 * Checks the scaling and protection settings ({@code <minInstances>}, {@code <maxInstances>},
 * {@code <idleTimeout>}, {@code <maxQueue>}, {@code <rateLimit>}) of the top level or of one
 * {@code <function>} entry, and merges an entry's with the top-level ones it inherits.
 */
final class ScalingSettings {

    private ScalingSettings() {}

    /**
     * Checks the values of the top level or of one entry.
     *
     * @param function the {@code <function>} entry's name; null for the top-level parameters
     */
    static Scaling check(ScalingOptions options, String function) throws FnFailureException {
        Integer min = wholeNumber(options.minInstances(), Setting.of(function, "minInstances"),
                SpecFormat::checkMinInstances, "use 0 to 100");
        Integer max = wholeNumber(options.maxInstances(), Setting.of(function, "maxInstances"),
                SpecFormat::checkMaxInstances, "use 1 to 100");
        // Sent as written, like the timeout: the runtime reads the same format.
        parse(options.idleTimeout(), Setting.of(function, "idleTimeout"),
                SpecFormat::parseIdleTimeout, SpecFormat.IDLE_TIMEOUT_FORMAT, "not a duration");
        Integer queue = wholeNumber(options.maxQueue(), Setting.of(function, "maxQueue"),
                SpecFormat::checkMaxQueue, "use 0 to 10000");
        RateLimit rate = parse(options.rateLimit(), Setting.of(function, "rateLimit"),
                SpecFormat::parseRateLimit, SpecFormat.RATE_LIMIT_FORMAT, "not a rate limit");
        Scaling scaling = new Scaling(min, max, options.idleTimeout(), queue, rate);
        checkOrder(scaling, scaling, function);
        return scaling;
    }

    /**
     * An entry's settings: its own where set, else the top-level ones; checked that
     * {@code minInstances} is not above {@code maxInstances} when one of them is inherited.
     *
     * @param own the entry's checked settings
     * @param function the entry's name
     * @param inherited the checked top-level settings
     */
    static Scaling inherit(Scaling own, String function, Scaling inherited) throws FnFailureException {
        Scaling merged = new Scaling(
                or(own.minInstances(), inherited.minInstances()),
                or(own.maxInstances(), inherited.maxInstances()),
                or(own.idleTimeout(), inherited.idleTimeout()),
                or(own.maxQueue(), inherited.maxQueue()),
                or(own.rateLimit(), inherited.rateLimit()));
        checkOrder(merged, own, function);
        return merged;
    }

    /** Fails when min is above max, naming where each was set: in {@code own}, or inherited. */
    private static void checkOrder(Scaling merged, Scaling own, String function) throws FnFailureException {
        Integer min = merged.minInstances();
        Integer max = merged.maxInstances();
        if (min == null || max == null || min <= max) {
            return;
        }
        Setting minSetting = Setting.of(own.minInstances() != null ? function : null, "minInstances");
        Setting maxSetting = Setting.of(own.maxInstances() != null ? function : null, "maxInstances");
        throw new FnFailureException(minSetting.invalid(min.toString(),
                "more than " + maxSetting + ", which is " + max,
                "use 0 to " + max + ", or raise " + maxSetting.howToSet()));
    }

    private static <T> T or(T own, T inherited) {
        return own != null ? own : inherited;
    }
}
