package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An instance that a deploy's start check launched outside any pool, holding its reserved memory
 * until its revision's pool adopts it as its first idle instance or it is discarded: exactly one
 * of the two happens, once.
 */
public final class CheckedInstance {

    private final Capacity capacity;
    private final Instance instance;
    /** Set once a pool adopted the instance or it was discarded; never cleared. */
    private final AtomicBoolean settled = new AtomicBoolean();

    CheckedInstance(Capacity capacity, Instance instance) {
        this.capacity = capacity;
        this.instance = instance;
    }

    /** The revision the instance runs. */
    public Function function() {
        return instance.function();
    }

    Instance instance() {
        return instance;
    }

    /** Returns true to the one caller that settles the instance's fate. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    /** Kills the instance and releases its memory unless a pool adopted it; idempotent. */
    public void discard(String reason) {
        if (settle()) {
            capacity.release(instance, reason);
        }
    }
}
