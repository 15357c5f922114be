package dev.fn4j.maven.core;

import java.util.Map;

/**
 * One function's settings as the user wrote them, unchecked; null means "not set".
 *
 * @param name the function's name
 * @param handler the handler's class name
 * @param timeout the time limit of one call, for example {@code 30s}
 * @param memory the memory limit of one instance, for example {@code 256m}
 * @param cpus the CPU quota of one instance, for example {@code 0.5}
 * @param concurrency the calls in flight per instance, for example {@code 4}
 * @param env the function's configuration; null values count as empty strings
 * @param scaling the scaling and protection settings; null counts as none set
 * @param publicTrigger whether the HTTP trigger needs no API key, for example {@code true}
 */
public record FunctionOptions(String name, String handler, String timeout, String memory,
        String cpus, String concurrency, Map<String, String> env, ScalingOptions scaling,
        String publicTrigger) {

    /** Options with nothing set. */
    public static FunctionOptions empty() {
        return new FunctionOptions(null, null, null, null, null, null, null, null, null);
    }

    /** Options without scaling and protection settings, and without {@code public}. */
    public FunctionOptions(String name, String handler, String timeout, String memory,
            String cpus, String concurrency, Map<String, String> env) {
        this(name, handler, timeout, memory, cpus, concurrency, env, null, null);
    }

    /** Blank strings count as not set, the way Maven leaves an empty element. */
    public FunctionOptions {
        name = blankToNull(name);
        handler = blankToNull(handler);
        timeout = blankToNull(timeout);
        memory = blankToNull(memory);
        cpus = blankToNull(cpus);
        concurrency = blankToNull(concurrency);
        scaling = scaling == null ? ScalingOptions.NONE : scaling;
        publicTrigger = blankToNull(publicTrigger);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
