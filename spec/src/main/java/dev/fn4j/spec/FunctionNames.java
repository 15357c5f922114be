package dev.fn4j.spec;

import java.util.Locale;

/** The function name rule: names appear in container names and URLs, so the rule is strict. */
public final class FunctionNames {

    /** The rule, in words. */
    public static final String RULE =
            "1 to 63 lower-case letters, digits and '-', " + "starting with a letter and not ending with '-'";

    private static final int MAX_LENGTH = 63;

    private FunctionNames() {}

    /** Whether {@code name} follows {@link #RULE}. */
    public static boolean isValid(String name) {
        // Checked by hand, not by a regular expression: every call's route checks its name.
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        char first = name.charAt(0);
        char last = name.charAt(name.length() - 1);
        if (first < 'a' || first > 'z' || last == '-') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A valid name close to {@code value}: lower case, other characters turned into '-'. */
    public static String suggest(String value) {
        String s = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^[^a-z]+", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() ? "hello" : s;
    }
}
