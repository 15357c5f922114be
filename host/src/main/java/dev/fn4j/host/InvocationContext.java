package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The {@link Context} of one invocation; immutable, its remaining time read from a clock. */
final class InvocationContext implements Context {

    private final String requestId;
    private final String functionName;
    private final Instant deadline;
    private final Map<String, String> config;
    private final Logger logger;
    private final Clock clock;

    /**
     * @param config the function's configuration; must already be immutable
     */
    InvocationContext(
            String requestId,
            String functionName,
            Instant deadline,
            Map<String, String> config,
            Logger logger,
            Clock clock) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.config = Objects.requireNonNull(config, "config");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String requestId() {
        return requestId;
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
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Map<String, String> config() {
        return config;
    }
}
