package dev.fn4j.maven;

import dev.fn4j.maven.core.GoalLog;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/** Hands the core's progress lines to Maven's logger, with the API key blanked out. */
final class MavenGoalLog implements GoalLog {

    /**
     * Maven's console filters ANSI codes with a stateful stream that breaks when two threads write
     * at once (fn:run relays the runtime's output while another thread reports calls): one line at
     * a time, for every instance.
     */
    private static final Object CONSOLE = new Object();

    private final Log log;
    private final UnaryOperator<String> redact;

    MavenGoalLog(Log log, UnaryOperator<String> redact) {
        this.log = log;
        this.redact = redact;
    }

    @Override
    public void info(String message) {
        String line = redact.apply(message);
        synchronized (CONSOLE) {
            log.info(line);
        }
    }

    @Override
    public void warn(String message) {
        String line = redact.apply(message);
        synchronized (CONSOLE) {
            log.warn(line);
        }
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            String line = redact.apply(message);
            synchronized (CONSOLE) {
                log.debug(line);
            }
        }
    }
}
