package dev.fn4j.maven;

import dev.fn4j.maven.core.GoalLog;
import org.apache.maven.plugin.logging.Log;

/** Hands the core's progress lines to Maven's logger. */
final class MavenGoalLog implements GoalLog {

    private final Log log;

    MavenGoalLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
