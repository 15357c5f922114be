package dev.fn4j.host;

import dev.fn4j.api.Logger;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Objects;

/**
 * A function's logger: each call prints {@code <ISO time> <LEVEL> [<requestId>] <message>}, plus a
 * throwable's stack trace, in one write so that lines of concurrent calls do not interleave.
 */
final class StderrLogger implements Logger {

    private final String requestId;
    private final PrintStream out;
    private final Clock clock;

    StderrLogger(String requestId, PrintStream out, Clock clock) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
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
                .append(clock.instant()).append(' ').append(level)
                .append(" [").append(requestId).append("] ").append(message).append('\n');
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        out.print(line);
        out.flush();
    }
}
