package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.function.Function;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/** The pool of each deployed function, by name; makes and closes pools as functions come and go. */
public final class PoolRegistry {

    private final ConcurrentMap<String, FunctionPool> pools = new ConcurrentHashMap<>();
    private final Capacity capacity;
    private final ScaleOut scaleOut;
    private final Pausing pausing;
    private final Executor starts;
    private final DeadlineTimer timer;
    private final Clock clock;

    /** @param capacity starts and kills every pool's instances within the memory budget */
    public PoolRegistry(Capacity capacity, Executor starts, DeadlineTimer timer, Clock clock) {
        this(capacity, ScaleOut.unbounded(), Pausing.OFF, starts, timer, clock);
    }

    /** @param scaleOut decides when each pool starts an instance; idle instances are removed */
    public PoolRegistry(Capacity capacity, ScaleOut scaleOut, Executor starts, DeadlineTimer timer, Clock clock) {
        this(capacity, scaleOut, Pausing.OFF, starts, timer, clock);
    }

    /**
     * @param scaleOut decides when each pool starts an instance
     * @param pausing whether pools pause their idle instances, and for how long
     */
    public PoolRegistry(
            Capacity capacity, ScaleOut scaleOut, Pausing pausing, Executor starts, DeadlineTimer timer, Clock clock) {
        this.capacity = capacity;
        this.scaleOut = scaleOut;
        this.pausing = pausing;
        this.starts = starts;
        this.timer = timer;
        this.clock = clock;
    }

    /** Routes new calls of the function to this revision, making its pool on first deploy. */
    public void deploy(Function function) {
        deploy(function, null);
    }

    /**
     * Like {@link #deploy(Function)}, offering the pool the instance that checked the revision;
     * see {@link FunctionPool#deploy(Function, CheckedInstance)}. One not adopted stays the
     * caller's to discard.
     */
    public void deploy(Function function, CheckedInstance checked) {
        pools.compute(function.name(), (name, pool) -> {
            if (pool == null) {
                pool = new FunctionPool(function, capacity, scaleOut, pausing, starts, timer, clock);
            }
            pool.deploy(function, checked);
            return pool;
        });
    }

    /**
     * Routes the function to this revision, known not to start: its calls fail with
     * {@code failure} at once until the next deploy.
     */
    public void deployFailed(Function function, ApiException failure) {
        pools.compute(function.name(), (name, pool) -> {
            if (pool == null) {
                pool = new FunctionPool(function, capacity, scaleOut, pausing, starts, timer, clock);
            }
            pool.deployFailed(function, failure);
            return pool;
        });
    }

    public Optional<FunctionPool> get(String name) {
        return Optional.ofNullable(pools.get(name));
    }

    /** Closes and forgets the function's pool; its instances go once their calls end. */
    public void remove(String name) {
        FunctionPool pool = pools.remove(name);
        if (pool != null) {
            pool.close();
        }
    }

    public Collection<FunctionPool> all() {
        return List.copyOf(pools.values());
    }

    /**
     * Pauses, or stops, idle instances above each function's minimum, and stops those paused for
     * long enough; returns how many left the live instances.
     */
    public int reapIdle() {
        int reaped = 0;
        for (FunctionPool pool : pools.values()) {
            reaped += pool.reapIdle();
        }
        return reaped;
    }
}
