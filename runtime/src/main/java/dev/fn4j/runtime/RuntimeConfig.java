package dev.fn4j.runtime;

import dev.fn4j.runtime.limit.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The runtime's settings, from command-line options first, then {@code FN4J_*} environment
 * variables, then defaults.
 *
 * @param host the address to listen on
 * @param port the port to listen on, 0 for any free one
 * @param dataDir where the runtime keeps its id, uploads and instance sockets
 * @param maxBodyBytes the largest call body accepted
 * @param maxImageBytes the largest image archive accepted
 * @param workerThreads worker threads serving blocking requests
 * @param startTimeout how long an instance may take to become ready
 * @param shutdownGrace how long a stopping runtime lets admitted calls run
 * @param clientRateLimit each client's token bucket, or null when clients are not limited
 * @param memoryBudget the memory all instances together may have, in bytes
 */
public record RuntimeConfig(String host, int port, Path dataDir, long maxBodyBytes,
        long maxImageBytes, int workerThreads, Duration startTimeout, Duration shutdownGrace,
        RateLimit clientRateLimit, long memoryBudget) {

    /** The longest data-dir path that leaves room for instance socket paths (107 bytes max). */
    static final int MAX_DATA_DIR_LENGTH = 107 - "/instances/0123456789ab/fn.sock".length();

    public RuntimeConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port must be in [0, 65535]: " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (dataDir.toString().length() > MAX_DATA_DIR_LENGTH) {
            throw new ConfigException("--data-dir must be at most " + MAX_DATA_DIR_LENGTH
                    + " characters long, since instance sockets live under it and Unix socket"
                    + " paths are limited to 107 bytes: " + dataDir);
        }
        positive("--max-body-bytes", maxBodyBytes);
        positive("--max-image-bytes", maxImageBytes);
        positive("--worker-threads", workerThreads);
        positive("--memory-budget-mb", memoryBudget);
    }

    /** Parses {@code --name value} options over the environment's {@code FN4J_NAME} variables. */
    public static RuntimeConfig parse(String[] args, Map<String, String> env) {
        Options options = Options.parse(args, env);
        return new RuntimeConfig(
                options.string("host", "127.0.0.1"),
                options.integer("port", 8080),
                Path.of(options.string("data-dir", defaultDataDir(env))),
                options.integer("max-body-bytes", 6 * 1024 * 1024),
                options.longValue("max-image-bytes", 1024L * 1024 * 1024),
                options.integer("worker-threads", 256),
                Duration.ofSeconds(options.integer("start-timeout-seconds", 60)),
                Duration.ofSeconds(options.integer("shutdown-grace-seconds", 30)),
                clientRateLimit(options),
                options.longValue("memory-budget-mb", defaultMemoryBudgetMb()) * 1024 * 1024);
    }

    private static RateLimit clientRateLimit(Options options) {
        int perSecond = options.integer("client-rate-limit", 0);
        if (perSecond < 0) {
            throw new ConfigException("--client-rate-limit must not be negative: " + perSecond);
        }
        if (perSecond == 0) {
            return null;
        }
        int burst = options.integer("client-burst", 2 * perSecond);
        if (burst < 1) {
            throw new ConfigException("--client-burst must be positive: " + burst);
        }
        return new RateLimit(perSecond, burst);
    }

    /** Half of the machine's memory: the rest is for the engine, the runtime and the host OS. */
    private static long defaultMemoryBudgetMb() {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return Math.max(256, os.getTotalMemorySize() / 2 / (1024 * 1024));
    }

    private static String defaultDataDir(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home + "/.fn4j/runtime";
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new ConfigException(option + " must be positive: " + value);
        }
    }

    public Path instancesDir() {
        return dataDir.resolve("instances");
    }

    public Path uploadDir() {
        return dataDir.resolve("uploads");
    }
}
