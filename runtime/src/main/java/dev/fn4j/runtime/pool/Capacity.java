package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.spec.MemorySize;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runtime's instances and the memory they hold: the one place that reserves an instance's
 * memory before its container starts and releases it when the instance is killed. When a start
 * does not fit, idle instances of other functions are evicted first, least recently used first;
 * when nothing more can go, the start fails with 503 {@code capacity_exhausted}. Thread-safe.
 */
public final class Capacity {

    /** An idle instance elsewhere may free up in about this time. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Launcher launcher;
    private final InstanceKiller killer;
    private final MemoryBudget budget;
    /**
     * Every instance holding memory, with the pool it serves: an instance is here from the end of
     * its start until it is killed, and its memory is reserved exactly while it is here.
     */
    private final ConcurrentMap<Instance, FunctionPool> holders = new ConcurrentHashMap<>();

    /**
     * @param launcher starts an instance, without regard to memory
     * @param killer kills an instance and removes its container, without blocking on the engine
     * @param budget the memory all instances together may hold
     */
    public Capacity(Launcher launcher, InstanceKiller killer, MemoryBudget budget) {
        this.launcher = launcher;
        this.killer = killer;
        this.budget = budget;
    }

    /**
     * Starts an instance of {@code function} for {@code owner} within the budget, evicting idle
     * instances of other functions when it must. Blocks on the start; failures are
     * {@link ApiException}s and reserve nothing.
     */
    Instance start(FunctionPool owner, Function function) {
        long bytes = function.spec().memoryBytes();
        if (!budget.tryReserve(bytes)) {
            evictIdle(function.name(), bytes);
            if (!budget.tryReserve(bytes)) {
                throw ApiException.retryLater(
                        ErrorCode.CAPACITY_EXHAUSTED,
                        "no room for another"
                                + " instance of '" + function.name() + "': it needs "
                                + MemorySize.format(bytes) + " and only "
                                + MemorySize.format(budget.available())
                                + " of the runtime's " + MemorySize.format(budget.total())
                                + " budget is free, all of it busy; retry later, lower \"memory\" or raise"
                                + " --memory-budget-mb",
                        RETRY_AFTER);
            }
        }
        Instance instance = launchReserved(function, bytes);
        holders.put(instance, owner);
        return instance;
    }

    /** Launches an instance whose {@code bytes} are reserved, releasing them when it fails. */
    private Instance launchReserved(Function function, long bytes) {
        try {
            return launcher.launch(function);
        } catch (RuntimeException e) {
            budget.release(bytes);
            throw e;
        }
    }

    /**
     * Starts an instance of {@code function} outside any pool, for a deploy's start check, when
     * its memory is free now: a check evicts nobody's warm instance. Empty when not; blocks on the
     * start, whose failures are {@link ApiException}s and reserve nothing. The memory stays
     * reserved until a pool {@link #adopt}s the instance or it is discarded.
     */
    public Optional<CheckedInstance> startChecked(Function function) {
        long bytes = function.spec().memoryBytes();
        if (!budget.tryReserve(bytes)) {
            return Optional.empty();
        }
        return Optional.of(new CheckedInstance(this, launchReserved(function, bytes)));
    }

    /**
     * Makes {@code owner} the holder of a checked instance, whose memory is already reserved;
     * returns false, changing nothing, when it was discarded or adopted already.
     */
    boolean adopt(FunctionPool owner, CheckedInstance checked) {
        if (!checked.settle()) {
            return false;
        }
        holders.put(checked.instance(), owner);
        return true;
    }

    /** Kills a checked instance no pool adopted and releases the memory it reserved. */
    void release(Instance instance, String reason) {
        killer.kill(instance, reason);
        budget.release(instance.function().spec().memoryBytes());
    }

    /**
     * Runs {@code work}, which starts and removes one instance of {@code function} outside any
     * pool, while that instance's memory is reserved. Returns false, without running it, when the
     * memory is not free now: a check evicts nobody's warm instance.
     */
    public boolean whileReserved(Function function, Runnable work) {
        long bytes = function.spec().memoryBytes();
        if (!budget.tryReserve(bytes)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            budget.release(bytes);
        }
    }

    /**
     * Kills the instance and releases its memory, once however often it is called; its container
     * goes in the background.
     */
    void kill(Instance instance, String reason) {
        killer.kill(instance, reason);
        if (holders.remove(instance) != null) {
            budget.release(instance.function().spec().memoryBytes());
        }
    }

    /** Bytes not reserved by any instance now. */
    public long available() {
        return budget.available();
    }

    /**
     * Evicts idle instances of functions other than {@code except}, least recently used first,
     * until {@code bytes} are free or no idle instance is left. Holds no lock of its own while
     * a pool evicts, since the pool calls {@link #kill} under its lock.
     */
    private void evictIdle(String except, long bytes) {
        List<Map.Entry<Instance, FunctionPool>> idle = holders.entrySet().stream()
                .filter(e -> !e.getKey().function().name().equals(except))
                .filter(e -> e.getKey().inFlight() == 0)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(e -> e.getKey().lastUsed()))
                .toList();
        for (Map.Entry<Instance, FunctionPool> candidate : idle) {
            if (budget.available() >= bytes) {
                return;
            }
            candidate.getValue().evict(candidate.getKey(), "evicted to make room for '" + except + "'");
        }
    }
}
