package fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Logs through Log4j 2, configured by its log4j2.xml to print the ThreadContext's request id. */
public final class Log4jLogs implements Handler<String, String> {
    private static final Logger LOG = LogManager.getLogger(Log4jLogs.class);

    @Override
    public String handle(String input, Context context) {
        System.out.println("1 out " + input);
        LOG.info("2 log4j {}", input);
        System.err.println("3 err " + input);
        return "done " + input;
    }
}
