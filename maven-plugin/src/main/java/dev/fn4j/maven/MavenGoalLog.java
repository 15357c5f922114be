package dev.fn4j.maven;

import dev.fn4j.maven.core.GoalLog;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/** Hands the core's progress lines to Maven's logger, with the API key blanked out. */
final class MavenGoalLog implements GoalLog {

    private final Log log;
    private final UnaryOperator<String> redact;

    MavenGoalLog(Log log, UnaryOperator<String> redact) {
        this.log = log;
        this.redact = redact;
    }

    @Override
    public void info(String message) {
        log.info(redact.apply(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redact.apply(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(redact.apply(message));
        }
    }
}
