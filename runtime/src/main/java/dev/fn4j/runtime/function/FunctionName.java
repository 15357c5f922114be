package dev.fn4j.runtime.function;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.spec.FunctionNames;

/** Turns a bad function name ({@link FunctionNames}'s rule) into the API's 400 {@code invalid_name}. */
public final class FunctionName {

    /** The rule, in words. */
    public static final String RULE = FunctionNames.RULE;

    private FunctionName() {}

    /** Returns the name when it follows the rule; otherwise throws a 400 {@code invalid_name}. */
    public static String check(String name) {
        if (!FunctionNames.isValid(name)) {
            throw new ApiException(
                    ErrorCode.INVALID_NAME, "invalid function name " + quote(name) + ": a name is " + RULE);
        }
        return name;
    }
}
