package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.util.regex.Pattern;

/** Checks invocation ids from URLs: lower-case hex of bounded length, nothing else gets near the store. */
final class InvocationIds {

    /** Request ids are 32 hex digits today (20 before); a little room for longer ones later. */
    static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{1," + MAX_LENGTH + "}");

    private InvocationIds() {}

    /** Returns the id when it is valid; otherwise throws 400 {@code invalid_id}. */
    static String check(String id) {
        if (id == null || id.length() > MAX_LENGTH || !VALID.matcher(id).matches()) {
            String shown = id == null
                    ? "(none)"
                    : id.length() > MAX_LENGTH
                            ? quote(id.substring(0, 20)) + " (" + id.length() + " characters)"
                            : quote(id);
            throw new ApiException(
                    ErrorCode.INVALID_ID,
                    "invalid invocation id " + shown
                            + ": an id is the lower-case hex Fn-Request-Id of the call (at most "
                            + MAX_LENGTH + " characters)");
        }
        return id;
    }
}
