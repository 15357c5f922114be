package dev.fn4j.runtime.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * Writes an event as one line, {@code TIME LEVEL LOGGER [REQUEST-ID] MESSAGE}, the request id only
 * when the event has one; an exception's stack trace follows on its own indented lines.
 */
public final class TextLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line =
                new StringBuilder(128).append(EventFields.timestamp(event)).append(' ');
        String level = event.getLevel().toString();
        line.append(level)
                .append(" ".repeat(Math.max(0, 5 - level.length())))
                .append(' ')
                .append(EventFields.shortLogger(event))
                .append(' ');
        String requestId = event.getMDCPropertyMap().get(LogSetup.REQUEST_ID);
        if (requestId != null) {
            line.append('[').append(requestId).append("] ");
        }
        appendOneLine(line, event.getFormattedMessage());
        line.append('\n');
        String trace = EventFields.stackTrace(event);
        if (trace != null) {
            line.append(trace).append('\n');
        }
        return line.toString();
    }

    /** A message's own line breaks would split the event; they are written as \n and \r. */
    private static void appendOneLine(StringBuilder line, String message) {
        if (message == null) {
            line.append("null");
            return;
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else {
                line.append(c);
            }
        }
    }
}
