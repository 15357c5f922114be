package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.spec.MemorySize;
import java.time.Duration;

/**
 * Starts an instance only within the memory budget: when it does not fit, idle instances of other
 * functions are evicted first, least recently used first; when nothing more can go, the start
 * fails with 503 {@code capacity_exhausted}.
 */
public final class BudgetedLauncher implements Launcher {

    /** An idle instance elsewhere may free up in about this time. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Launcher delegate;
    private final MemoryBudget budget;
    private final PoolRegistry pools;

    public BudgetedLauncher(Launcher delegate, MemoryBudget budget, PoolRegistry pools) {
        this.delegate = delegate;
        this.budget = budget;
        this.pools = pools;
    }

    @Override
    public Instance launch(Function function) {
        long bytes = function.spec().memoryBytes();
        if (!budget.tryReserve(bytes)) {
            pools.evictIdle(function.name(), bytes, budget);
            if (!budget.tryReserve(bytes)) {
                throw ApiException.retryLater(ErrorCode.CAPACITY_EXHAUSTED, "no room for another"
                        + " instance of '" + function.name() + "': it needs "
                        + MemorySize.format(bytes) + " and only "
                        + MemorySize.format(budget.available())
                        + " of the runtime's " + MemorySize.format(budget.total())
                        + " budget is free, all of it busy; retry later, lower \"memory\" or raise"
                        + " --memory-budget-mb", RETRY_AFTER);
            }
        }
        try {
            return delegate.launch(function);
        } catch (RuntimeException e) {
            budget.release(bytes);
            throw e;
        }
    }
}
