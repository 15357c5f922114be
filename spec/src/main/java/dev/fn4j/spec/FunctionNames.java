package dev.fn4j.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/** The function name rule: names appear in container names and URLs, so the rule is strict. */
public final class FunctionNames {

    /** The rule, in words. */
    public static final String RULE =
            "1 to 63 lower-case letters, digits and '-', " + "starting with a letter and not ending with '-'";

    private static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private FunctionNames() {}

    /** Whether {@code name} follows {@link #RULE}. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
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
