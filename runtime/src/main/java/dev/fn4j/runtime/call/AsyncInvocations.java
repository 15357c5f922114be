package dev.fn4j.runtime.call;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import dev.fn4j.spec.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous invocations. A call is stored as {@code queued} before it is answered 202, so it
 * survives a crash; it waits in the store (the durable backlog, bounded per function by
 * {@code maxBacklog} and in all by the runtime's cap), is claimed oldest first at the pool's pace
 * by the {@link Dispatcher}, and runs through the same {@link CallRunner} as a synchronous call;
 * its time waiting does not count against its timeout. A failed attempt is retried or
 * dead-lettered as the function's {@code retries} say ({@link RetryDecision}). Each state change
 * is stored, then published to {@link InvocationEvents}. At start-up whatever this runtime left
 * running is queued again: delivery is at least once, and a repeated attempt carries the same id.
 */
public final class AsyncInvocations {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncInvocations.class);
    /** Failures that a stopping runtime causes: the attempt is left for the next start. */
    private static final Set<ErrorCode> INTERRUPTED = Set.of(
            ErrorCode.SHUTTING_DOWN, ErrorCode.FUNCTION_CRASHED, ErrorCode.START_FAILED, ErrorCode.ENGINE_UNAVAILABLE);
    /** How many queued calls of a deleted function are failed at once. */
    private static final int DELETED_ROOM = 16;
    /** How long past its timeout an attempt's lease lasts: room for a cold start and the pool's queue. */
    private static final Duration LEASE_SLACK = Duration.ofMinutes(5);

    private final InvocationQueue queue;
    private final CallRunner runner;
    private final PoolRegistry pools;
    private final InvocationEvents events;
    private final Clock clock;
    /** This runtime's name as a claim's owner; stable across restarts of the same runtime. */
    private final String owner;
    /** Numbers in [0, 1) for the retries' jitter. */
    private final DoubleSupplier random;

    private final Backlog backlog;
    private final GroupCommit accepted;
    private final Dispatcher dispatcher;
    private final ExecutorService workers;
    /** Once true, nothing new is accepted. */
    private volatile boolean stopping;

    public AsyncInvocations(
            InvocationQueue queue,
            CallRunner runner,
            PoolRegistry pools,
            InvocationEvents events,
            Clock clock,
            String owner,
            int runtimeMaxBacklog) {
        this(
                queue,
                runner,
                pools,
                events,
                clock,
                owner,
                runtimeMaxBacklog,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    AsyncInvocations(
            InvocationQueue queue,
            CallRunner runner,
            PoolRegistry pools,
            InvocationEvents events,
            Clock clock,
            String owner,
            int runtimeMaxBacklog,
            DoubleSupplier random) {
        this.queue = queue;
        this.runner = runner;
        this.pools = pools;
        this.events = events;
        this.clock = clock;
        this.owner = owner;
        this.random = random;
        this.backlog = new Backlog(runtimeMaxBacklog);
        this.accepted = new GroupCommit(queue);
        this.dispatcher = new Dispatcher(this::claim, this::room, backlog::of, backlog::holders);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fn4j-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Accepts an admitted call: takes a place in the backlog (or refuses it with 429
     * {@code backlog_full}), stores it as queued and wakes the dispatcher. Does no pool work.
     * Returns it as stored, without its body.
     */
    Invocation submit(FunctionPool pool, String id, byte[] body, String contentType) {
        if (stopping) {
            throw new ApiException(
                    ErrorCode.SHUTTING_DOWN,
                    "the runtime is stopping and takes no new calls; retry against a running runtime");
        }
        Function function = pool.current();
        try {
            backlog.take(function.name(), function.spec().settings().get(Field.MAX_BACKLOG));
        } catch (ApiException full) {
            runner.rejected(function.name(), full);
            throw full;
        }
        Transition queued;
        try {
            queued = accepted.store(
                    Invocation.queued(id, function.name(), function.revision(), clock.instant(), body, contentType));
        } catch (RuntimeException e) {
            backlog.unstored(function.name());
            throw e;
        }
        backlog.stored(function.name());
        events.publish(InvocationEvents.Update.of(queued));
        dispatcher.wake(function.name());
        return queued.invocation().withoutRequestBody();
    }

    /**
     * Queues again what this runtime left running (its attempts are recorded as interrupted),
     * counts what the store holds, and starts dispatching. Call once at start-up, after the
     * functions' pools are deployed. Returns how many calls the backlog holds.
     */
    public int recover() {
        List<Transition> requeued = queue.requeueRunning(owner, clock.instant());
        requeued.forEach(t -> events.publish(InvocationEvents.Update.of(t)));
        Map<String, Integer> held = queue.backlog();
        held.forEach(backlog::add);
        dispatcher.start();
        held.keySet().forEach(dispatcher::wake);
        int total = held.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            LOG.info(
                    "{} asynchronous invocation(s) wait in the backlog ({} an earlier run left running)",
                    total,
                    requeued.size());
        }
        return total;
    }

    /**
     * Takes up calls another runtime left running, which the store has just queued again: their
     * events are published and they join this runtime's backlog and dispatch.
     */
    public void adopt(List<Transition> requeued) {
        requeued.forEach(t -> events.publish(InvocationEvents.Update.of(t)));
        resync();
    }

    /**
     * Counts the backlog again from the store, where other runtimes sharing it add and end calls:
     * the bounds then hold for every runtime's calls together, and the dispatcher polls each
     * function whose calls it does not run (queued through another runtime, or left by one).
     */
    public void resync() {
        Map<String, Integer> held = queue.backlog();
        backlog.reset(held);
        held.keySet().forEach(dispatcher::wake);
    }

    /** Asynchronous calls accepted and not yet ended, every function. */
    public int backlog() {
        return backlog.total();
    }

    /** Calls that were queued again outside a claim (redriven): counts them and wakes the dispatcher. */
    void requeued(String function, int count) {
        backlog.add(function, count);
        dispatcher.wake(function);
    }

    /** Stops accepting and starting invocations: what is queued stays stored for the next start. */
    public void stopStarting() {
        stopping = true;
        dispatcher.close();
        accepted.close();
    }

    /**
     * Waits up to {@code grace} for the running attempts (after {@link #stopStarting}); those
     * still running then are left for the next start. Returns whether none was left.
     */
    public boolean awaitRunning(Duration grace) throws InterruptedException {
        stopStarting();
        workers.shutdown();
        return workers.awaitTermination(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)
                || dispatcher.running() == 0;
    }

    private int room(String function) {
        return pools.get(function).map(p -> capacity(p.current().spec())).orElse(DELETED_ROOM);
    }

    /** Claims up to {@code room} due calls of the function and starts each on a worker. */
    private int claim(String function, int room) {
        if (stopping) {
            return 0;
        }
        Optional<FunctionPool> pool = pools.get(function);
        Instant now = clock.instant();
        long revision = pool.map(p -> p.current().revision()).orElse(0L);
        Duration timeout = pool.map(p -> p.current().spec().timeout()).orElse(Duration.ZERO);
        List<InvocationQueue.Claimed> claimed = queue.claim(
                function, revision, room, owner, now, now.plus(timeout).plus(LEASE_SLACK));
        for (InvocationQueue.Claimed claim : claimed) {
            events.publish(InvocationEvents.Update.of(claim.transition()));
            try {
                workers.execute(() -> run(function, claim));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // Stopping: the claim stays running in the store and is queued again at the next start.
                dispatcher.ended(function);
            }
        }
        return claimed.size();
    }

    private void run(String function, InvocationQueue.Claimed claim) {
        String id = claim.transition().invocation().id();
        try {
            attempt(function, claim);
        } catch (RuntimeException e) {
            LOG.error(
                    "asynchronous invocation {} of '{}' could not run; it stays stored and runs again at the next"
                            + " start",
                    id,
                    function,
                    e);
        } finally {
            dispatcher.ended(function);
        }
    }

    private void attempt(String function, InvocationQueue.Claimed claim) {
        Invocation invocation = claim.transition().invocation();
        Optional<FunctionPool> pool = pools.get(function);
        if (pool.isEmpty()) {
            end(
                    invocation.id(),
                    function,
                    Outcome.failed(
                            clock.instant(),
                            ErrorCode.FUNCTION_NOT_FOUND,
                            "function '" + function + "' was deleted before this invocation ran"),
                    RetryDecision.END_IT);
            return;
        }
        List<Frame.Header> headers = invocation.requestType() == null
                ? List.of()
                : List.of(new Frame.Header("content-type", invocation.requestType()));
        byte[] body = invocation.requestBody() == null ? new byte[0] : invocation.requestBody();
        Outcome outcome;
        try {
            InvocationResult result = runner.run(pool.get(), new InvocationRequest(invocation.id(), headers, body));
            outcome = Outcome.succeeded(
                    clock.instant(), result.coldStart(), result.body(), result.header("content-type"), result.logs());
        } catch (ApiException e) {
            if (stopping && INTERRUPTED.contains(e.code())) {
                LOG.info(
                        "asynchronous invocation {} of '{}' was interrupted by the stop ({}); it runs again at the"
                                + " next start",
                        invocation.id(),
                        function,
                        e.code().code());
                return;
            }
            outcome = Outcome.failed(clock.instant(), e, CallRunner.logsOf(e));
        }
        RetryDecision decision = RetryDecision.after(
                pool.get().current().spec().settings().get(Field.RETRIES),
                outcome,
                claim.tries(),
                outcome.endedAt(),
                random);
        end(invocation.id(), function, outcome, decision);
    }

    private void end(String id, String function, Outcome outcome, RetryDecision decision) {
        if (decision.kind() == RetryDecision.Kind.RETRY) {
            events.publish(InvocationEvents.Update.of(queue.retryLater(id, outcome, decision.notBefore())));
            return;
        }
        backlog.ending(function);
        Transition transition;
        boolean stored = false;
        try {
            transition = queue.end(id, outcome, decision.kind() == RetryDecision.Kind.DEAD_LETTER);
            stored = true;
        } finally {
            backlog.ended(function, stored);
        }
        events.publish(InvocationEvents.Update.of(transition));
    }

    private static int capacity(FunctionSpec spec) {
        return spec.scaling().maxInstances() * spec.concurrency();
    }
}
