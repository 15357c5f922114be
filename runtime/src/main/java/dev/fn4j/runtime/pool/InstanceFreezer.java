package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.instance.Instance;

/**
 * Freezes and thaws an instance's container (the engine's pause), blocking on the engine;
 * failures are runtime exceptions. Only {@link PausedInstances} calls it, never under a pool's
 * lock nor on an IO thread.
 */
public interface InstanceFreezer {

    /** Freezes the instance: it uses no CPU and answers nothing; its connections stay open. */
    void pause(Instance instance);

    /** Thaws an instance {@link #pause}d before, which then serves as if it had never stopped. */
    void unpause(Instance instance);
}
