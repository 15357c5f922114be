package dev.fn4j.runtime.http;

import java.util.Locale;

/** Reads the {@code Prefer} request header (RFC 7240): does the client ask to be answered later? */
final class Prefer {

    private Prefer() {}

    /**
     * Whether any {@code Prefer} value holds the preference {@code respond-async}. Preferences are
     * comma-separated, each a token optionally followed by {@code =value} and {@code ;params};
     * names are case-insensitive.
     */
    static boolean respondAsync(Iterable<String> values) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String preference : value.split(",")) {
                String name = preference.split("[;=]", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (name.equals("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }
}
