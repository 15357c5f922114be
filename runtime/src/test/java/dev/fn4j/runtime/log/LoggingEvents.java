package dev.fn4j.runtime.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;

/** Log events with a fixed time and thread, as a layout receives them. */
final class LoggingEvents {

    /** 2026-01-02T03:04:05.006Z. */
    static final long TIME = 1_767_323_045_006L;

    private LoggingEvents() {}

    static LoggingEvent event(String logger, Level level, String message, Throwable thrown, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(
                LoggingEvents.class.getName(), new LoggerContext().getLogger(logger), level, message, thrown, null);
        event.setTimeStamp(TIME);
        event.setThreadName("XNIO-1 task-2");
        event.setMDCPropertyMap(mdc);
        return event;
    }

    /** An exception whose stack trace is just its first line, so layouts can be compared exactly. */
    static Throwable withoutFrames(Throwable thrown) {
        thrown.setStackTrace(new StackTraceElement[0]);
        return thrown;
    }
}
