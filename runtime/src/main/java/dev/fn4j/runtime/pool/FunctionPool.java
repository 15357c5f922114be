package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The instances of one function and the calls waiting for them. A call takes a free slot at once
 * when there is one, else waits in a bounded queue; a new instance starts only when the waiting
 * calls outnumber the slots already starting, and never beyond {@code maxInstances}, so a burst
 * cannot start a stampede of containers. An instance idle past its {@code idleTimeout} is paused
 * rather than removed when {@link Pausing} is on ({@link PausedInstances}), and a call that finds
 * no free slot resumes a paused one before any new instance starts.
 */
public final class FunctionPool {

    private final Capacity capacity;
    private final ScaleOut scaleOut;
    private final Executor starts;
    private final DeadlineTimer timer;
    private final Clock clock;
    /** Idle instances paused rather than removed; never in {@link #instances} at the same time. */
    private final PausedInstances paused;

    /**
     * The newest revision; only its instances take new calls. Written only while holding this;
     * volatile so that {@link #current()}, which every call reads several times, takes no lock.
     */
    private volatile Function current;
    /** Live instances of every revision still serving; guarded by this. */
    private final List<Instance> instances = new ArrayList<>();
    /** Instances of {@link #current} being started or resumed; guarded by this. */
    private int starting;
    /** Calls waiting for a slot, oldest first; guarded by this; size ≤ maxQueue. */
    private final WaitQueue queue = new WaitQueue();
    /** Once true, no call is admitted again; guarded by this. */
    private boolean closed;
    /**
     * Why {@link #current}'s handler cannot start, or null: while set, calls fail with it at once
     * and nothing starts, until the next deploy. Guarded by this.
     */
    private ApiException failure;
    /** Spaces out starts after failed ones; guarded by this. */
    private final StartBackoff backoff = new StartBackoff();

    /**
     * @param scaleOut decides when an instance starts; see {@link ScaleOut}
     * @param pausing whether idle instances are paused, and for how long
     * @param starts runs instance starts and the engine's pause and resume calls
     */
    public FunctionPool(
            Function function,
            Capacity capacity,
            ScaleOut scaleOut,
            Pausing pausing,
            Executor starts,
            DeadlineTimer timer,
            Clock clock) {
        this.current = function;
        this.capacity = capacity;
        this.scaleOut = scaleOut;
        this.starts = starts;
        this.timer = timer;
        this.clock = clock;
        this.paused = new PausedInstances(pausing, capacity, starts, clock);
    }

    /**
     * Makes {@code function} the revision new calls go to. Instances of older revisions finish
     * the calls they hold and then go; the new revision's minimum is started.
     */
    public synchronized void deploy(Function function) {
        deploy(function, null);
    }

    /**
     * Like {@link #deploy(Function)}, adopting {@code checked}, the instance that checked the
     * revision, as its first idle instance when it runs it, the pool is open and it fits within
     * {@code maxInstances}; it then counts like one the pool started. One not adopted stays the
     * caller's to discard.
     */
    public synchronized void deploy(Function function, CheckedInstance checked) {
        replace(function);
        if (checked != null
                && !closed
                && checked.function().revision() == current.revision()
                && IdleInstances.live(instances, current) + starting
                        < current.spec().scaling().maxInstances()
                && capacity.adopt(this, checked)) {
            instances.add(checked.instance());
        }
        scale();
    }

    /**
     * Makes {@code function} the current revision, known not to start: calls fail with
     * {@code failure} at once, and nothing starts, until the next deploy.
     */
    public synchronized void deployFailed(Function function, ApiException failure) {
        replace(function);
        fail(failure);
    }

    /** Why the current revision cannot start, if it is known not to. */
    public synchronized Optional<ApiException> failure() {
        return Optional.ofNullable(failure);
    }

    private void replace(Function function) {
        current = function;
        failure = null;
        backoff.reset();
        paused.removeUnless(function.revision(), "revision " + function.revision() + " replaced it");
        for (Instance instance : List.copyOf(instances)) {
            if (instance.function().revision() != function.revision() && instance.drain()) {
                remove(instance, "revision " + function.revision() + " replaced it");
            }
        }
    }

    /** Remembers that the current revision cannot start and fails every waiting call with it. */
    private void fail(ApiException error) {
        failure = error;
        queue.failAll(error);
    }

    /**
     * Reserves a slot for one call. The future completes with a lease, or fails with an
     * {@link ApiException}: {@code queue_full} at once when the queue is full, or
     * {@code function_timeout} when no slot frees up before {@code deadline}.
     */
    public CompletableFuture<Lease> acquire(Instant deadline) {
        Waiter waiter;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(PoolErrors.runtimeStopping());
            }
            Lease lease = tryLease();
            if (lease != null) {
                return CompletableFuture.completedFuture(lease);
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (backoff.holds(clock.instant()) && IdleInstances.live(instances, current) == 0 && starting == 0) {
                return CompletableFuture.failedFuture(backoff.refusal(clock.instant()));
            }
            if (queue.size() >= current.spec().scaling().maxQueue()) {
                return CompletableFuture.failedFuture(PoolErrors.queueFull(current, queue.size()));
            }
            waiter = new Waiter(deadline, clock.instant());
            queue.add(waiter);
            scale();
        }
        Runnable cancel = timer.schedule(deadline, () -> expire(waiter));
        waiter.future.whenComplete((lease, error) -> cancel.run());
        return waiter.future;
    }

    /** Gives a slot back after a call that ended normally; the next waiter gets it. */
    synchronized void release(Lease lease) {
        Instance instance = lease.instance();
        if (instance.release(lease.connection(), clock.instant())) {
            remove(instance, "drained after revision " + current.revision() + " replaced it");
        }
        dispatch();
        if (!queue.isEmpty()) {
            // Calls still wait with every slot busy: perhaps long enough now for one more instance.
            scale();
        }
    }

    /**
     * Takes the instance behind a failing lease out of service at once, so none of its other
     * slots goes to a new call; its lease {@link #discard}s it when completed. Waiting calls get a
     * replacement only then, once the instance's memory is released.
     */
    void retire(Lease lease) {
        lease.connection().close();
        synchronized (this) {
            instances.remove(lease.instance());
        }
    }

    /** Discards the instance behind a lease that failed; it never serves again. */
    void discard(Lease lease, String reason) {
        lease.connection().close();
        synchronized (this) {
            instances.remove(lease.instance());
            capacity.kill(lease.instance(), reason);
            scale();
        }
    }

    /**
     * Pauses, or stops when pausing is off, instances of the current revision that idled longer
     * than its idle timeout, keeping {@code minInstances} live, and stops those paused longer than
     * pausing keeps them; returns how many left the live instances.
     */
    public synchronized int reapIdle() {
        paused.expire();
        List<Instance> idle = IdleInstances.expired(instances, current, clock.instant());
        for (Instance instance : idle) {
            instances.remove(instance);
            if (!paused.pause(instance)) {
                capacity.kill(instance, IdleInstances.reason(current));
            }
        }
        return idle.size();
    }

    /** Stops admitting calls: waiting calls fail, idle instances go now, busy ones when their calls end. */
    public synchronized void close() {
        closed = true;
        queue.failAll(PoolErrors.closing(current));
        paused.removeAll("pool closed");
        for (Instance instance : List.copyOf(instances)) {
            if (instance.drain()) {
                remove(instance, "pool closed");
            }
        }
    }

    /** Removes the instance if here and idle (leases take this lock, so it stays idle); whether it went. */
    synchronized boolean evict(Instance instance, String reason) {
        if (paused.remove(instance, reason)) {
            return true;
        }
        if (!instances.contains(instance) || instance.inFlight() != 0 || !instance.drain()) {
            return false;
        }
        remove(instance, reason);
        return true;
    }

    /** A snapshot of the live instances, every revision. */
    public synchronized List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** A snapshot of the paused instances, oldest first. */
    public List<Instance> paused() {
        return paused.instances();
    }

    /** Calls waiting for a slot now. */
    public synchronized int queueDepth() {
        return queue.size();
    }

    /** Instances being started now. */
    public synchronized int starting() {
        return starting;
    }

    /** The newest revision; a volatile read, no lock: calls read it several times each. */
    public Function current() {
        return current;
    }

    private synchronized void expire(Waiter waiter) {
        int position = queue.positionOf(waiter);
        // Starting a container does not count against a call's timeout: a call that an instance
        // now starting will serve keeps waiting; the start itself is bounded by its own timeout.
        if (position >= 0 && position < starting * current.spec().concurrency()) {
            timer.schedule(clock.instant().plus(current.spec().timeout()), () -> expire(waiter));
        } else if (position >= 0 && queue.remove(waiter)) {
            waiter.future.completeExceptionally(PoolErrors.noFreeInstance(current));
        }
    }

    private Lease tryLease() {
        for (Instance instance : instances) {
            if (instance.function().revision() == current.revision()) {
                Connection connection = instance.tryAcquire();
                if (connection != null) {
                    return new Lease(this, instance, connection, false);
                }
            }
        }
        return null;
    }

    /** Hands free slots to waiting calls, oldest first. Caller holds the lock. */
    private void dispatch() {
        while (!queue.isEmpty()) {
            Lease lease = tryLease();
            if (lease == null) {
                return;
            }
            offer(lease);
        }
    }

    private void offer(Lease lease) {
        Waiter waiter = queue.poll();
        if (!waiter.offer(lease)) {
            // The waiter gave up at the same moment; the slot goes back for the next one.
            lease.instance().release(lease.connection(), clock.instant());
        }
    }

    /**
     * Starts the instances {@link ScaleOut} asks for, from the waiting calls, the live and
     * starting instances and the free memory. Caller holds the lock.
     */
    private void scale() {
        if (closed || failure != null || backoff.holds(clock.instant())) {
            return;
        }
        int live = IdleInstances.live(instances, current);
        long memory = capacity.availableFor(current.name());
        Duration oldestWait = queue.oldestWait(clock.instant());
        int toStart =
                scaleOut.toStart(current.spec(), new ScaleOut.Demand(live, starting, queue.size(), oldestWait, memory));
        for (int i = 0; i < toStart; i++) {
            starting++;
            Function revision = current;
            // A paused instance thaws in a tenth of the time a container takes to start.
            PausedInstances.Paused resumable = paused.take(revision.revision());
            starts.execute(resumable == null ? () -> start(revision) : () -> resume(revision, resumable));
        }
    }

    /** Resumes a paused instance for waiting calls; when it cannot serve, starts one instead. */
    private void resume(Function revision, PausedInstances.Paused resumable) {
        if (paused.resume(resumable)) {
            resumable.instance().resumed(clock.instant());
            admit(revision, resumable.instance(), false);
        } else {
            start(revision);
        }
    }

    private void start(Function revision) {
        Instance instance;
        try {
            instance = capacity.start(this, revision);
        } catch (ApiException e) {
            failStart(revision, e);
            return;
        } catch (RuntimeException e) {
            failStart(revision, new ApiException(ErrorCode.INTERNAL_ERROR, "starting an instance failed: " + e, e));
            return;
        }
        admit(revision, instance, true);
    }

    /** Takes a started or resumed instance into service; {@code cold} when it was started. */
    private synchronized void admit(Function revision, Instance instance, boolean cold) {
        starting--;
        if (closed || revision.revision() != current.revision()) {
            capacity.kill(instance, closed ? "pool closed" : "revision superseded");
            scale();
            return;
        }
        instances.add(instance);
        backoff.reset();
        // The calls that waited for a started instance are cold starts; a resumed one was warm.
        for (Connection c; !queue.isEmpty() && (c = instance.tryAcquire()) != null; ) {
            offer(new Lease(this, instance, c, cold));
        }
    }

    private synchronized void failStart(Function revision, ApiException error) {
        starting--;
        if (revision.revision() != current.revision()) {
            scale();
            return;
        }
        // A handler that fails once fails every time: answer at once rather than start again.
        if (error.code() == ErrorCode.HANDLER_FAILED) {
            fail(error);
            return;
        }
        backoff.failed(clock.instant(), error);
        // With no instance live or starting, nothing would ever serve the queue: the waiting
        // calls get the start error, so a broken function answers instead of hanging.
        if (IdleInstances.live(instances, current) == 0 && starting == 0) {
            queue.failAll(error);
        }
    }

    private void remove(Instance instance, String reason) {
        instances.remove(instance);
        capacity.kill(instance, reason);
    }
}
