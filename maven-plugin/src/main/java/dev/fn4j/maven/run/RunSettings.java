package dev.fn4j.maven.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code fn:run} runs, checked by {@link RunOptions}.
 *
 * @param port the loopback port the runtime listens on
 * @param runtimeJar the fn4j runtime's runnable jar
 * @param dataDir the runtime's data directory, short enough for its socket paths
 * @param containerLabel a {@code key=value} label for every container, or null for none
 * @param quiet how long the classes must stay unchanged before a reload
 * @param maxWait the longest a reload waits for the classes to stop changing
 * @param sandboxed whether each function runs in its locked-down container ({@code
 *     fn.run.sandbox=docker}); false runs them in the runtime's JVM with no isolation ({@code none})
 */
public record RunSettings(
        int port,
        Path runtimeJar,
        Path dataDir,
        String containerLabel,
        Duration quiet,
        Duration maxWait,
        boolean sandboxed) {

    /** Checks the paths are given. */
    public RunSettings {
        Objects.requireNonNull(runtimeJar, "runtimeJar");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The runtime's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
