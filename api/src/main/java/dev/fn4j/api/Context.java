package dev.fn4j.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the platform knows of one invocation, handed to the function with its input. */
public interface Context {

    /** The invocation's id, as returned to the caller in the {@code Fn-Request-Id} header. */
    String requestId();

    /** The name under which the function was deployed. */
    String functionName();

    /** The instant after which the platform abandons this invocation and kills the instance. */
    Instant deadline();

    /** The time left until {@link #deadline()}; zero when it has passed, never negative. */
    Duration remainingTime();

    /** A logger whose lines are tagged with this invocation's request id. */
    Logger logger();

    /** The function's configuration, as set in its deployment's {@code env}; never null. */
    Map<String, String> config();
}
