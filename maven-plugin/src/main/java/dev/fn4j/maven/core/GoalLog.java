package dev.fn4j.maven.core;

/** Where the core reports progress; the mojos pass Maven's logger. */
public interface GoalLog {

    /** A line the user sees in a normal build. */
    void info(String message);

    /** A line the user sees as a warning. */
    void warn(String message);

    /** A line the user sees with {@code mvn -X} only. */
    void debug(String message);

    /** A log that drops everything, for tests. */
    static GoalLog silent() {
        return new GoalLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };
    }
}
