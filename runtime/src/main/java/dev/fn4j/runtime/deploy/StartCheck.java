package dev.fn4j.runtime.deploy;

import dev.fn4j.runtime.function.Function;

/**
 * Checks that a revision not yet serving starts, by starting one instance of it and removing it
 * again. Blocks for up to the start timeout; a failure is the start's ApiException.
 */
@FunctionalInterface
public interface StartCheck {

    /** Returns whether it checked; false when there was no room to start an instance now. */
    boolean check(Function candidate);
}
