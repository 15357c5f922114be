package dev.fn4j.runtime.deploy;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.pool.CheckedInstance;
import java.util.Optional;

/**
 * Checks that a revision not yet serving starts, by starting one instance of it, which the
 * revision's pool may then adopt. Blocks for up to the start timeout; a failure is the start's
 * ApiException.
 */
@FunctionalInterface
public interface StartCheck {

    /** Returns the started instance; empty when there was no room to start one now. */
    Optional<CheckedInstance> check(Function candidate);
}
