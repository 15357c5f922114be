package fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs through Logback, configured by its logback.xml to print the MDC's request id. */
public final class LogbackLogs implements Handler<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(LogbackLogs.class);

    @Override
    public String handle(String input, Context context) {
        System.out.println("1 out " + input);
        LOG.info("2 logback {}", input);
        System.err.println("3 err " + input);
        return LoggerFactory.getILoggerFactory().getClass().getName();
    }
}
