package ${package};

import dev.fn4j.api.Context;
import dev.fn4j.api.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Context} for tests: a fixed request id, a deadline 30 seconds ahead, the given
 * configuration, and a logger that keeps its lines so tests can check them.
 */
final class TestContext implements Context {

    private final String functionName;
    private final Map<String, String> config;
    private final Instant deadline = Instant.now().plusSeconds(30);
    private final List<String> lines = new ArrayList<>();

    TestContext(String functionName) {
        this(functionName, Map.of());
    }

    TestContext(String functionName, Map<String, String> config) {
        this.functionName = functionName;
        this.config = Map.copyOf(config);
    }

    /** The lines logged so far, each as {@code LEVEL message}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String requestId() {
        return "test-request";
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Duration remainingTime() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Logger logger() {
        return new Logger() {
            @Override
            public void info(String message) {
                lines.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }

            @Override
            public void error(String message, Throwable throwable) {
                lines.add("ERROR " + message + (throwable == null ? "" : " " + throwable));
            }
        };
    }

    @Override
    public Map<String, String> config() {
        return config;
    }
}
