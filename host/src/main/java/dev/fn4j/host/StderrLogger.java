package dev.fn4j.host;

import dev.fn4j.api.Logger;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Objects;

/**
 * A function's logger: each call writes {@code <ISO time> <LEVEL> [<requestId>] <message>}, plus a
 * throwable's stack trace, in one write to its call's log and one to stderr, so that lines of
 * concurrent calls do not interleave, whichever thread logs.
 */
final class StderrLogger implements Logger {

    private final String requestId;
    /** The log of the call this logger belongs to. */
    private final CapturedLog log;
    /** The container's real stderr, not a routed stream, or lines would be captured twice. */
    private final PrintStream out;

    private final Clock clock;

    StderrLogger(String requestId, CapturedLog log, PrintStream out, Clock clock) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.log = Objects.requireNonNull(log, "log");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void info(String message) {
        log("INFO", message, null);
    }

    @Override
    public void warn(String message) {
        log("WARN", message, null);
    }

    @Override
    public void error(String message, Throwable throwable) {
        log("ERROR", message, throwable);
    }

    private void log(String level, String message, Throwable throwable) {
        StringBuilder line = new StringBuilder(64)
                .append(clock.instant())
                .append(' ')
                .append(level)
                .append(" [")
                .append(requestId)
                .append("] ")
                .append(message)
                .append('\n');
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        String text = line.toString();
        log.write(text);
        out.print(text);
        out.flush();
    }
}
