package dev.fn4j.test;

import dev.fn4j.api.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Logger} that keeps each line as {@code LEVEL message} (an error's throwable appended
 * after a space) so that a test can read them back; thread-safe, since handlers may log from
 * threads they start.
 */
public final class RecordingLogger implements Logger {

    /** In logging order; guarded by this. */
    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable throwable) {
        add("ERROR " + message + (throwable == null ? "" : " " + throwable));
    }

    /** The lines logged so far, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the lines logged so far, for a test that checks several calls in turn. */
    public synchronized void clear() {
        lines.clear();
    }

    private synchronized void add(String line) {
        lines.add(line);
    }
}
