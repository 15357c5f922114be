package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.Function;
import java.time.Clock;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/** The pool of each deployed function, by name; makes and closes pools as functions come and go. */
public final class PoolRegistry {

    private final ConcurrentMap<String, FunctionPool> pools = new ConcurrentHashMap<>();
    private final Launcher launcher;
    private final Executor starts;
    private final InstanceKiller killer;
    private final DeadlineTimer timer;
    private final Clock clock;

    /**
     * @param launcher starts instances; wrapped here so that every start stays within
     *     {@code budget}, evicting idle instances of other functions when it must
     */
    public PoolRegistry(Launcher launcher, MemoryBudget budget, Executor starts,
            InstanceKiller killer, DeadlineTimer timer, Clock clock) {
        this.launcher = new BudgetedLauncher(launcher, budget, this);
        this.starts = starts;
        this.killer = killer;
        this.timer = timer;
        this.clock = clock;
    }

    /** Routes new calls of the function to this revision, making its pool on first deploy. */
    public void deploy(Function function) {
        pools.compute(function.name(), (name, pool) -> {
            if (pool == null) {
                pool = new FunctionPool(function, launcher, starts, killer, timer, clock);
            }
            pool.deploy(function);
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
     * Evicts idle instances of functions other than {@code except}, least recently used first,
     * until {@code bytes} are free in the budget or no idle instance is left.
     */
    public void evictIdle(String except, long bytes, MemoryBudget budget) {
        List<Map.Entry<FunctionPool, Instance>> idle = new ArrayList<>();
        pools.forEach((name, pool) -> {
            if (!name.equals(except)) {
                pool.idleInstances().forEach(i -> idle.add(Map.entry(pool, i)));
            }
        });
        idle.sort(Comparator.comparing(e -> e.getValue().lastUsed()));
        for (Map.Entry<FunctionPool, Instance> candidate : idle) {
            if (budget.available() >= bytes) {
                return;
            }
            candidate.getKey().evict(candidate.getValue(),
                    "evicted to make room for '" + except + "'");
        }
    }

    /** Stops idle instances above each function's minimum; returns how many went. */
    public int reapIdle() {
        int reaped = 0;
        for (FunctionPool pool : pools.values()) {
            reaped += pool.reapIdle();
        }
        return reaped;
    }
}
