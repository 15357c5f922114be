package dev.fn4j.runtime.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The parts of a log event both formats write the same way. */
final class EventFields {

    /** UTC with milliseconds always present, so lines align and sort as text. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The runtime's own loggers, named after their classes. */
    private static final String OWN_PREFIX = "dev.fn4j.";

    private EventFields() {}

    static String timestamp(ILoggingEvent event) {
        return TIME.format(Instant.ofEpochMilli(event.getTimeStamp()));
    }

    /**
     * The runtime's own loggers by class name ({@code FnRuntime}); a library's with its packages
     * cut to their initials ({@code o.x.nio} for {@code org.xnio.nio}), so it stays recognisable.
     */
    static String shortLogger(ILoggingEvent event) {
        String name = event.getLoggerName();
        int last = name.lastIndexOf('.');
        if (last < 0 || name.startsWith(OWN_PREFIX)) {
            return name.substring(last + 1);
        }
        StringBuilder shortName = new StringBuilder(name.length());
        int start = 0;
        while (start <= last) {
            shortName.append(name.charAt(start)).append('.');
            start = name.indexOf('.', start) + 1;
        }
        return shortName.append(name, last + 1, name.length()).toString();
    }

    /** The exception with its stack trace and causes, lines joined by newlines; null if none. */
    static String stackTrace(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return null;
        }
        String trace = ThrowableProxyUtil.asString(thrown).replace("\r\n", "\n");
        return trace.endsWith("\n") ? trace.substring(0, trace.length() - 1) : trace;
    }
}
