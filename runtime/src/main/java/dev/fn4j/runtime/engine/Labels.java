package dev.fn4j.runtime.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The labels every fn4j container carries; cleanup finds containers by them. */
public final class Labels {
    /** The id of the runtime that owns the container; see {@code RuntimeId}. */
    public static final String RUNTIME = "dev.fn4j.runtime";

    public static final String FUNCTION = "dev.fn4j.function";
    public static final String REVISION = "dev.fn4j.revision";
    public static final String INSTANCE = "dev.fn4j.instance";
    /** Instead of {@link #FUNCTION} on a class-data training run: the function it trains for. */
    public static final String TRAINING = "dev.fn4j.training-of";
    /**
     * Instead of {@link #FUNCTION} on a stem, a container started ahead of need before it knew its
     * function (instance.Stems): the kind of instance it can become.
     */
    public static final String STEM = "dev.fn4j.stem";
    /** Present on every fn4j container whatever runtime owns it: {@code true}. */
    public static final String MANAGED = "dev.fn4j.managed";
    /** The labels above: fn4j sets them, no one else may. */
    public static final Set<String> ALL = Set.of(RUNTIME, FUNCTION, REVISION, INSTANCE, MANAGED, TRAINING, STEM);

    private Labels() {}

    /**
     * {@code labels} plus {@link #MANAGED}, the label that marks every fn4j container whoever owns
     * it: what every container the engines create carries.
     */
    public static Map<String, String> managed(Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(MANAGED, "true");
        return all;
    }
}
