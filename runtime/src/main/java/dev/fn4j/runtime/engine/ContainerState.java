package dev.fn4j.runtime.engine;

/**
 * What the engine reports of a container.
 *
 * @param running whether its process still runs
 * @param exitCode the exit code once stopped; meaningless while running
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 * @param error the engine's error text for a container that failed to start, or empty
 */
public record ContainerState(boolean running, int exitCode, boolean oomKilled, String error) {}
