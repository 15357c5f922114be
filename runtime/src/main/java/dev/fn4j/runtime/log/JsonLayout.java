package dev.fn4j.runtime.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes an event as one JSON object on one line, for log shippers: {@code timestamp},
 * {@code level}, {@code logger}, {@code thread}, {@code message}, then each MDC entry (such as
 * {@code requestId}) in name order, then {@code exception} (the stack trace) when there is one.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

    /** The fixed fields; an MDC entry of the same name is left out rather than repeated. */
    private static final Set<String> FIELDS = Set.of("timestamp", "level", "logger", "thread", "message", "exception");

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", EventFields.timestamp(event));
        field(json.append(','), "level", event.getLevel().toString());
        field(json.append(','), "logger", event.getLoggerName());
        field(json.append(','), "thread", event.getThreadName());
        field(json.append(','), "message", event.getFormattedMessage());
        for (Map.Entry<String, String> entry : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                field(json.append(','), entry.getKey(), entry.getValue());
            }
        }
        String trace = EventFields.stackTrace(event);
        if (trace != null) {
            field(json.append(','), "exception", trace);
        }
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        string(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, all else verbatim. */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        // U+2028/9 are valid JSON but end lines in JavaScript-based shippers.
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
