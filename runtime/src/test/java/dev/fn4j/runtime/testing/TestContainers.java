package dev.fn4j.runtime.testing;

import java.util.List;
import java.util.Map;

/**
 * The label that marks every container the tests start, through their runtimes or directly, so
 * scripts/test.sh counts only theirs as left behind and not those of a runtime the user runs
 * (the demo's, say) on the same engine. scripts/test.sh and the it module spell it out too.
 */
public final class TestContainers {

    public static final String LABEL = "dev.fn4j.test";
    public static final String VALUE = "true";

    /** The label as a container's labels. */
    public static final Map<String, String> LABELS = Map.of(LABEL, VALUE);

    /** The runtime options that put the label on every container the runtime starts. */
    public static final List<String> RUNTIME_ARGS = List.of("--container-label", LABEL + "=" + VALUE);

    private TestContainers() {}
}
