package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.spec.MemorySize;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runtime's instances and the memory they hold: the one place that reserves an instance's
 * memory before its container starts and releases it when the instance is killed. When a start
 * does not fit, idle instances of other functions are evicted first, paused ones before live ones,
 * then least recently used first; when nothing more can go, the start fails with 503
 * {@code capacity_exhausted}. Thread-safe.
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
    /** The holders that are paused now, a subset of {@link #holders}' keys. */
    private final Set<Instance> paused = ConcurrentHashMap.newKeySet();

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
        paused.remove(instance);
        if (holders.remove(instance) != null) {
            budget.release(instance.function().spec().memoryBytes());
        }
    }

    /** Bytes not reserved by any instance now. */
    public long available() {
        return budget.available();
    }

    /** Marks a holder as paused, or as live again: paused instances are evicted first. */
    void paused(Instance instance, boolean isPaused) {
        if (isPaused) {
            paused.add(instance);
        } else {
            paused.remove(instance);
        }
    }

    /**
     * Bytes a new instance of {@code function} may have without evicting a live instance: those
     * reserved by no instance, and those of other functions' paused instances, which go first.
     */
    long availableFor(String function) {
        long reclaimable = 0;
        for (Instance instance : paused) {
            if (!instance.function().name().equals(function)) {
                reclaimable += instance.function().spec().memoryBytes();
            }
        }
        return budget.available() + reclaimable;
    }

    /**
     * Evicts idle instances of functions other than {@code except}, paused ones first, then least
     * recently used first, until {@code bytes} are free or no idle instance is left. Holds no lock
     * of its own while a pool evicts, since the pool calls {@link #kill} under its lock.
     */
    private void evictIdle(String except, long bytes) {
        List<Candidate> idle = holders.entrySet().stream()
                .filter(e -> !e.getKey().function().name().equals(except))
                .filter(e -> e.getKey().inFlight() == 0)
                .map(e -> new Candidate(
                        e.getKey(),
                        e.getValue(),
                        paused.contains(e.getKey()),
                        e.getKey().lastUsed()))
                .sorted(Comparator.comparing(Candidate::live).thenComparing(Candidate::lastUsed))
                .toList();
        for (Candidate candidate : idle) {
            if (budget.available() >= bytes) {
                return;
            }
            candidate.pool().evict(candidate.instance(), "evicted to make room for '" + except + "'");
        }
    }

    /** An idle instance that may be evicted, as it was when the eviction began. */
    private record Candidate(Instance instance, FunctionPool pool, boolean paused, Instant lastUsed) {
        boolean live() {
            return !paused;
        }
    }
}
