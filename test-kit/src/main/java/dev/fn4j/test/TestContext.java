package dev.fn4j.test;

import dev.fn4j.api.Context;
import dev.fn4j.host.InProcessHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ready {@link Context} for calling a handler directly in a unit test: a fixed request id, a
 * deadline read from an injectable clock, the given config, and a {@link RecordingLogger} whose
 * lines the test reads with {@link #lines()}. The context itself is the host's (the platform's
 * deadline and remaining-time rules); this class adds the builder and the readable logger.
 * Immutable but for the logger's lines.
 */
public final class TestContext implements Context {

    /** The request id of every context that names none. */
    public static final String REQUEST_ID = "test-request";
    /** The function name of every context that names none. */
    public static final String FUNCTION_NAME = "test-function";
    /** The time a call has when none is given: the platform's default timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RecordingLogger logger = new RecordingLogger();
    /** The host's context; its deadline is fixed when built: {@code clock.instant() + timeout}. */
    private final Context platform;

    private TestContext(Builder b) {
        Instant deadline = b.deadline != null ? b.deadline : b.clock.instant().plus(b.timeout);
        this.platform = InProcessHost.context(b.requestId, b.functionName, deadline, b.config, logger, b.clock);
    }

    /** A context with every default: {@link #REQUEST_ID}, {@link #FUNCTION_NAME}, no config, 30 s left. */
    public static TestContext create() {
        return builder().build();
    }

    /** A context for the named function, otherwise with the defaults. */
    public static TestContext forFunction(String functionName) {
        return builder().functionName(functionName).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lines the handler logged through {@link #logger()}, each as {@code LEVEL message}. */
    public List<String> lines() {
        return logger.lines();
    }

    @Override
    public String requestId() {
        return platform.requestId();
    }

    @Override
    public String functionName() {
        return platform.functionName();
    }

    @Override
    public Instant deadline() {
        return platform.deadline();
    }

    /** The time from the clock's now to the deadline; zero once it has passed, as on the platform. */
    @Override
    public Duration remainingTime() {
        return platform.remainingTime();
    }

    @Override
    public RecordingLogger logger() {
        return logger;
    }

    @Override
    public Map<String, String> config() {
        return platform.config();
    }

    /** Builds a {@link TestContext}; every setting has the default of {@link #create()}. */
    public static final class Builder {
        private String requestId = REQUEST_ID;
        private String functionName = FUNCTION_NAME;
        private final Map<String, String> config = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration timeout = TIMEOUT;
        private Instant deadline;

        private Builder() {}

        public Builder requestId(String requestId) {
            this.requestId = nonBlank("requestId", requestId);
            return this;
        }

        public Builder functionName(String functionName) {
            this.functionName = nonBlank("functionName", functionName);
            return this;
        }

        /** Adds one config value, as the function's {@code <env>} setting would. */
        public Builder config(String key, String value) {
            config.put(nonBlank("config key", key), Objects.requireNonNull(value, "config value of " + key));
            return this;
        }

        /** Adds every entry of the map. */
        public Builder config(Map<String, String> values) {
            values.forEach(this::config);
            return this;
        }

        /** The clock remaining time is read from; a fixed or hand-moved clock makes it exact. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The time the call has: the deadline is the clock's now plus this when the context is built. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be zero or positive: " + timeout);
            }
            this.timeout = timeout;
            this.deadline = null;
            return this;
        }

        /** A fixed deadline, instead of one computed from the timeout. */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        public TestContext build() {
            return new TestContext(this);
        }

        private static String nonBlank(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank: '" + value + "'");
            }
            return value;
        }
    }
}
