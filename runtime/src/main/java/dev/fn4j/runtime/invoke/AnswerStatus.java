package dev.fn4j.runtime.invoke;

/**
 * The HTTP status a function may answer with: a final status, 200 to 599, or none (a plain
 * {@code Handler}), which is 200. A 1xx status is interim: it belongs to the connection (101
 * switches its protocol, 100 and 103 promise another answer), so a function's one answer can
 * never be one. The {@link Invoker} fails any other answer with {@code bad_output}, so every
 * {@link InvocationResult} holds a status this class admits.
 */
public final class AnswerStatus {

    /** The status of an answer that names none. */
    public static final int DEFAULT = 200;

    static final int MIN = 200;
    static final int MAX = 599;

    private AnswerStatus() {}

    /** The status {@code value} (a {@code :status} header, or null) names, or -1 when it is not one. */
    static int parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        // Exactly three digits: Integer.parseInt would also take "+200" and "0200".
        if (value.length() != 3) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        int status = Integer.parseInt(value);
        return status >= MIN && status <= MAX ? status : -1;
    }

    /** Why {@code value} cannot be sent as function {@code function}'s status, for its caller. */
    static String problem(String function, String value) {
        return value.matches("1[0-9][0-9]")
                ? "function '" + function + "' answered HTTP status " + value
                        + ", an interim status that belongs to the connection, not to one answer; answer"
                        + " with a final status, 200 to 599"
                : "function '" + function + "' answered '" + value
                        + "', which is not an HTTP status; answer with a status from 200 to 599";
    }
}
