package dev.fn4j.runtime.source;

/** An upload the runtime refuses because of what it holds; answered 400 with {@link #rule()} and {@link #entry()}. */
public final class SourceRejectedException extends RuntimeException {

    /** The rule broken, as a stable word such as {@code path_traversal} or {@code compile_error}; never null. */
    private final String rule;

    /** The archive entry at fault, or null when the fault is not one entry's. */
    private final String entry;

    public SourceRejectedException(String rule, String entry, String message) {
        super(message);
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule must be a word, got '" + rule + "'");
        }
        this.rule = rule;
        this.entry = entry;
    }

    public String rule() {
        return rule;
    }

    public String entry() {
        return entry;
    }
}
