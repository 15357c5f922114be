package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.instance.Instance;

/**
 * Kills an instance and removes its container, without blocking the caller on the engine;
 * idempotent. Only {@link Capacity} calls it, releasing the instance's memory once.
 */
@FunctionalInterface
public interface InstanceKiller {
    void kill(Instance instance, String reason);
}
