package dev.fn4j.spec;

import java.util.regex.Pattern;

/**
 * The rule for the names of a function's environment (configuration) variables: shell-safe, at
 * most {@link #MAX_LENGTH} characters, and not in the platform's {@link #RESERVED_PREFIX}.
 */
public final class EnvNames {

    /** The setting that holds the variables. */
    public static final String FIELD = "env";
    /** The prefix of the variables the platform sets for itself. */
    public static final String RESERVED_PREFIX = "FN4J_";
    /** The longest name. */
    public static final int MAX_LENGTH = 128;
    /** The rule, in words. */
    public static final String RULE = "letters, digits and '_', not starting with a digit";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvNames() {}

    /** Whether {@code name} starts with {@link #RESERVED_PREFIX}. */
    public static boolean isReserved(String name) {
        return name != null && name.startsWith(RESERVED_PREFIX);
    }

    /**
     * Checks a variable's name.
     *
     * @throws SpecException when it is not {@link #RULE}, is longer than {@link #MAX_LENGTH}, or
     *     is reserved
     */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SpecException(FIELD, name, "not a valid variable name", "use " + RULE);
        }
        if (name.length() > MAX_LENGTH) {
            throw new SpecException(
                    FIELD, name, "not a valid variable name", "use at most " + MAX_LENGTH + " characters");
        }
        if (isReserved(name)) {
            throw new SpecException(
                    FIELD,
                    name,
                    "reserved for the platform",
                    "names starting with " + RESERVED_PREFIX + " are reserved for the platform");
        }
        return name;
    }
}
