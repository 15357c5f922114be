package dev.fn4j.maven.core;

import dev.fn4j.spec.SpecException;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/** Checks one goal parameter's value with a rule of the client or spec module and words a failure for the user. */
final class SettingChecks {

    private SettingChecks() {}

    /**
     * Parses a value in a format such as {@code 30s}; null stays null. A {@link SpecException}
     * says what is wrong itself; otherwise the parser says {@code use <format>} for a value not
     * in the format, and any other message means out of range.
     *
     * @param formatProblem what a value not in the format is not, for example "not a duration"
     */
    static <T> T parse(String value, Setting setting, Function<String, T> parser, String format, String formatProblem)
            throws FnFailureException {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String problem = e instanceof SpecException spec
                    ? spec.problem()
                    : e.getMessage().equals("use " + format) ? formatProblem : "out of range";
            throw new FnFailureException(setting.invalid(value, problem, e.getMessage()));
        }
    }

    /** Parses {@code true} or {@code false}, in any case; null stays null. */
    static Boolean bool(String value, Setting setting) throws FnFailureException {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new FnFailureException(setting.invalid(value, "not a boolean", "use true or false"));
    }

    /**
     * Parses a whole number and checks its range; null stays null.
     *
     * @param range the accepted range, for example "use 1 to 1000"
     */
    static Integer wholeNumber(String value, Setting setting, IntUnaryOperator check, String range)
            throws FnFailureException {
        if (value == null) {
            return null;
        }
        try {
            return check.applyAsInt(Integer.parseInt(value));
        } catch (IllegalArgumentException e) {
            throw new FnFailureException(setting.invalid(
                    value, e instanceof NumberFormatException ? "not a whole number" : "out of range", range));
        }
    }
}
