package dev.fn4j.runtime.function;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import static dev.fn4j.runtime.error.Messages.quote;
import java.util.regex.Pattern;

/** Checks function names: they appear in container names and URLs, so the rule is strict. */
public final class FunctionName {

    public static final String RULE = "1 to 63 characters of lower-case letters, digits and '-',"
            + " starting with a letter and not ending with '-'";

    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private FunctionName() {}

    /** Returns the name when it follows the rule; otherwise throws a 400 {@code invalid_name}. */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new ApiException(ErrorCode.INVALID_NAME,
                    "invalid function name " + quote(name) + ": a name is " + RULE);
        }
        return name;
    }
}
