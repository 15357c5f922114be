package dev.fn4j.runtime.log;

import java.util.Locale;

/** How each log event is written: one human-readable line, or one JSON object per line. */
public enum LogFormat {
    TEXT,
    JSON;

    /** The option value naming this format: {@code text} or {@code json}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format an option value names, ignoring case and surrounding blanks; null if none. */
    public static LogFormat named(String value) {
        for (LogFormat format : values()) {
            if (format.optionValue().equalsIgnoreCase(value.strip())) {
                return format;
            }
        }
        return null;
    }
}
