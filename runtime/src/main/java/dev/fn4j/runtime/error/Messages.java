package dev.fn4j.runtime.error;

/** Helpers for putting user-supplied values into error messages safely. */
public final class Messages {

    private Messages() {}

    /** Quotes a value for a message, cut to 80 characters and without control characters. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
