package dev.fn4j.maven.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log that keeps its lines, prefixed with their level, for assertions. */
final class RecordingLog implements GoalLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("[INFO] " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("[WARNING] " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("[DEBUG] " + message);
    }
}
