package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;

/**
 * Starts a READY instance of a function revision, blocking; failures are ApiExceptions. Only
 * {@link Capacity} calls it, after reserving the instance's memory.
 */
@FunctionalInterface
public interface Launcher {
    Instance launch(Function function);
}
