package dev.fn4j.host;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.spec.Field;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host's settings, read from the environment the runtime gives the container.
 *
 * @param socket the Unix domain socket to connect to
 * @param network the runtime's instance port and this instance's token, or {@code null} to use
 *     {@code socket}
 * @param instanceId the instance id echoed in every Hello; empty when unset
 * @param handler the handler's fully qualified class name; never blank
 * @param functionName the deployed function's name; empty when unset
 * @param concurrency how many connections to open, 1 to {@link #MAX_CONCURRENCY}
 * @param config the function's configuration: the variables named in FN4J_CONFIG_KEYS; immutable
 * @param logLimitBytes the most bytes of output captured per call, 0 to
 *     {@link Protocol#MAX_LOG_LIMIT_BYTES}; 0 means no capture and no Logs frames
 * @param logStreamMillis the longest a whole line waits before a LogLines frame carries it, 0 to
 *     {@link Protocol#MAX_LOG_STREAM_MILLIS}; 0 means no LogLines frames
 */
record HostConfig(
        Path socket,
        NetworkEndpoint network,
        String instanceId,
        String handler,
        String functionName,
        int concurrency,
        Map<String, String> config,
        int logLimitBytes,
        int logStreamMillis) {

    /**
     * The largest concurrency a function may have: the spec's rule, not a copy of it, read as a
     * constant so that the host's start does not initialise the spec's fields.
     */
    static final int MAX_CONCURRENCY = Field.CONCURRENCY_MAX;

    static final String DEFAULT_SOCKET = Protocol.CONTAINER_SOCKET_DIR + "/" + Protocol.SOCKET_FILE;

    HostConfig {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be in [1, " + MAX_CONCURRENCY + "]: " + concurrency);
        }
        config = Map.copyOf(config);
        if (logLimitBytes < 0 || logLimitBytes > Protocol.MAX_LOG_LIMIT_BYTES) {
            throw new IllegalArgumentException(
                    "logLimitBytes must be in [0, " + Protocol.MAX_LOG_LIMIT_BYTES + "]: " + logLimitBytes);
        }
        if (logStreamMillis < 0 || logStreamMillis > Protocol.MAX_LOG_STREAM_MILLIS) {
            throw new IllegalArgumentException(
                    "logStreamMillis must be in [0, " + Protocol.MAX_LOG_STREAM_MILLIS + "]: " + logStreamMillis);
        }
    }

    /** Where the host connects, for messages: the network endpoint or the socket's path. */
    String endpoint() {
        return network == null ? socket.toString() : network.toString();
    }

    /** Whether calls' lines go out while they run: only with capture on, as LogLines needs Logs. */
    boolean streamsLines() {
        return logLimitBytes > 0 && logStreamMillis > 0;
    }

    /**
     * Reads the settings from environment variables.
     *
     * @throws StartupException with {@link Exit#BAD_HANDLER} when a variable is missing or invalid
     */
    static HostConfig fromEnv(Map<String, String> env) throws StartupException {
        String handler = env.getOrDefault(Protocol.ENV_HANDLER, "").trim();
        if (handler.isEmpty()) {
            throw new StartupException(
                    Exit.BAD_HANDLER, Protocol.ENV_HANDLER + " is not set; it must name the handler class");
        }
        String socket = env.getOrDefault(Protocol.ENV_SOCKET, "");
        return new HostConfig(
                Path.of(socket.isEmpty() ? DEFAULT_SOCKET : socket),
                NetworkEndpoint.fromEnv(env),
                env.getOrDefault(Protocol.ENV_INSTANCE_ID, ""),
                handler,
                env.getOrDefault(Protocol.ENV_FUNCTION, ""),
                concurrency(env.get(Protocol.ENV_CONCURRENCY)),
                config(env),
                bounded(
                        env.get(Protocol.ENV_LOG_LIMIT_BYTES),
                        Protocol.ENV_LOG_LIMIT_BYTES,
                        Protocol.MAX_LOG_LIMIT_BYTES),
                bounded(
                        env.get(Protocol.ENV_LOG_STREAM_MILLIS),
                        Protocol.ENV_LOG_STREAM_MILLIS,
                        Protocol.MAX_LOG_STREAM_MILLIS));
    }

    /**
     * A log setting in [0, max]; unset or blank means 0, off: a runtime that does not set the
     * variable may predate the frame it enables and would refuse it.
     */
    private static int bounded(String value, String variable, int max) throws StartupException {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException(
                Exit.BAD_HANDLER, variable + " must be an integer in [0, " + max + "]: '" + value + "'");
    }

    private static int concurrency(String value) throws StartupException {
        if (value == null || value.isBlank()) {
            // The protocol's default (docs/protocol.md), not the spec's: the runtime always sets it.
            return 1;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= Field.CONCURRENCY_MIN && n <= MAX_CONCURRENCY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException(
                Exit.BAD_HANDLER,
                Protocol.ENV_CONCURRENCY + " must be an integer in [1, " + MAX_CONCURRENCY + "]: '" + value + "'");
    }

    private static Map<String, String> config(Map<String, String> env) {
        String keys = env.getOrDefault(Protocol.ENV_CONFIG_KEYS, "");
        Map<String, String> config = new LinkedHashMap<>();
        for (String key : keys.split(",")) {
            String name = key.trim();
            String value = name.isEmpty() ? null : env.get(name);
            if (value != null) {
                config.put(name, value);
            }
        }
        return config;
    }
}
