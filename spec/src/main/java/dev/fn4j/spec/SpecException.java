package dev.fn4j.spec;

/**
 * A setting's value that breaks its rule. The message is the fix in the user's terms, such as
 * {@code use 1ms to 15m}; each boundary (plugin, client, runtime) adds where the value was
 * written, from {@link #field()} and {@link #value()}.
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The setting's name, such as {@code timeout}; never null. */
    private final String field;
    /** The value as written; null when it was missing. */
    private final String value;
    /** What the value is not, such as {@code not a duration} or {@code out of range}. */
    private final String problem;

    SpecException(String field, String value, String problem, String fix) {
        super(fix);
        this.field = field;
        this.value = value;
        this.problem = problem;
    }

    /** The setting's name, such as {@code timeout}. */
    public String field() {
        return field;
    }

    /** The bad value as written, or null when it was missing. */
    public String value() {
        return value;
    }

    /** What is wrong with the value, such as {@code not a duration} or {@code out of range}. */
    public String problem() {
        return problem;
    }

    /** Whether the value had the right form but lies outside the accepted range. */
    public boolean isOutOfRange() {
        return Rules.OUT_OF_RANGE.equals(problem);
    }
}
