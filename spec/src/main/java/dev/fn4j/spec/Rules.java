package dev.fn4j.spec;

/** The words every rule's message shares, so that the plugin, client and runtime say the same. */
final class Rules {

    /** What a value of the right form but outside the accepted range is. */
    static final String OUT_OF_RANGE = "out of range";

    private Rules() {}
}
