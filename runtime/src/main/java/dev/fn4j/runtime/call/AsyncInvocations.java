package dev.fn4j.runtime.call;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous invocations. A call is stored as {@code queued} before it is answered 202, so it
 * survives a crash; it then runs through the same {@link CallRunner} as a synchronous call, at
 * most {@code maxInstances × concurrency} of a function at once, oldest first, and its time in
 * this queue does not count against its timeout. Each state change is stored, then published to
 * {@link InvocationEvents}. At start-up, whatever an earlier run left queued or running is queued
 * again: delivery is at least once, and a repeated attempt carries the same request id.
 */
public final class AsyncInvocations {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncInvocations.class);
    /** Failures that a stopping runtime causes: the attempt is left for the next start. */
    private static final Set<ErrorCode> INTERRUPTED = Set.of(
            ErrorCode.SHUTTING_DOWN, ErrorCode.FUNCTION_CRASHED, ErrorCode.START_FAILED, ErrorCode.ENGINE_UNAVAILABLE);

    private final InvocationStore store;
    private final CallRunner runner;
    private final PoolRegistry pools;
    private final InvocationEvents events;
    private final Clock clock;
    private final ExecutorService workers;

    /** Each function's waiting and running invocations; guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Attempts running now, every function; guarded by this; never negative. */
    private int running;
    /** Once true, nothing new is accepted or started; guarded by this. */
    private boolean stopping;

    /** One function's share: ids waiting oldest first, attempts running, and stores in progress. */
    private static final class Lane {
        final ArrayDeque<String> waiting = new ArrayDeque<>();
        int running;
        int accepting;

        boolean idle() {
            return waiting.isEmpty() && running == 0 && accepting == 0;
        }
    }

    public AsyncInvocations(
            InvocationStore store, CallRunner runner, PoolRegistry pools, InvocationEvents events, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.pools = pools;
        this.events = events;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fn4j-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Accepts an admitted call: stores it as queued and schedules it. Refuses it at once with 429
     * {@code queue_full} when the function already holds {@code maxInstances × concurrency +
     * maxQueue} asynchronous calls, waiting or running. Returns it as stored, without its body.
     */
    Invocation submit(FunctionPool pool, String id, byte[] body, String contentType) {
        Function function = pool.current();
        FunctionSpec spec = function.spec();
        int limit = capacity(spec) + spec.scaling().maxQueue();
        Lane lane;
        synchronized (this) {
            if (stopping) {
                throw new ApiException(
                        ErrorCode.SHUTTING_DOWN,
                        "the runtime is stopping and takes" + " no new calls; retry against a running runtime");
            }
            lane = lanes.computeIfAbsent(function.name(), name -> new Lane());
            int held = lane.waiting.size() + lane.running + lane.accepting;
            if (held >= limit) {
                ApiException full = ApiException.retryLater(
                        ErrorCode.QUEUE_FULL,
                        "function '"
                                + function.name() + "' has " + held + " asynchronous calls waiting or"
                                + " running, its maxInstances × concurrency + maxQueue; retry later or"
                                + " raise maxQueue or maxInstances",
                        retryAfter(spec));
                runner.rejected(function.name(), full);
                throw full;
            }
            lane.accepting++;
        }
        Transition queued;
        try {
            queued = store.insertQueued(
                    Invocation.queued(id, function.name(), function.revision(), clock.instant(), body, contentType));
        } catch (RuntimeException e) {
            synchronized (this) {
                lane.accepting--;
                pump(function.name(), lane);
            }
            throw e;
        }
        events.publish(InvocationEvents.Update.of(queued));
        synchronized (this) {
            lane.accepting--;
            lane.waiting.add(id);
            pump(function.name(), lane);
        }
        return queued.invocation().withoutRequestBody();
    }

    /**
     * Queues again what an earlier run left queued or running (a running one goes back to
     * {@code queued}; its attempts rise when it starts again) and starts running it. Call once at
     * start-up, after the functions' pools are deployed. Returns how many were queued.
     */
    public int recover() {
        List<Invocation> unfinished = store.unfinished();
        Instant now = clock.instant();
        for (Invocation invocation : unfinished) {
            if (invocation.status() == InvocationStatus.RUNNING) {
                events.publish(InvocationEvents.Update.of(store.requeue(invocation.id(), now)));
            }
        }
        synchronized (this) {
            for (Invocation invocation : unfinished) {
                lanes.computeIfAbsent(invocation.function(), name -> new Lane())
                        .waiting
                        .add(invocation.id());
            }
            for (Map.Entry<String, Lane> lane : Map.copyOf(lanes).entrySet()) {
                pump(lane.getKey(), lane.getValue());
            }
        }
        if (!unfinished.isEmpty()) {
            LOG.info("queued again {} asynchronous invocation(s) an earlier run left unfinished", unfinished.size());
        }
        return unfinished.size();
    }

    /** Asynchronous calls accepted and not yet ended, every function. */
    public synchronized int backlog() {
        int held = 0;
        for (Lane lane : lanes.values()) {
            held += lane.waiting.size() + lane.running + lane.accepting;
        }
        return held;
    }

    /**
     * Stops accepting and starting invocations: what is queued stays stored for the next start.
     * Attempts already running go on; {@link #awaitRunning} waits for them.
     */
    public synchronized void stopStarting() {
        stopping = true;
    }

    /**
     * Waits up to {@code grace} for the running attempts (after {@link #stopStarting}); those
     * still running then are left for the next start. Returns whether none was left.
     */
    public boolean awaitRunning(Duration grace) throws InterruptedException {
        synchronized (this) {
            stopping = true;
            long deadline = System.nanoTime() + grace.toNanos();
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        workers.shutdown();
        synchronized (this) {
            return running == 0;
        }
    }

    /** Starts waiting invocations while the function has room. Caller holds the lock. */
    private void pump(String name, Lane lane) {
        if (!stopping) {
            int room = pools.get(name).map(p -> capacity(p.current().spec())).orElse(1);
            while (lane.running < room && !lane.waiting.isEmpty()) {
                String id = lane.waiting.poll();
                lane.running++;
                running++;
                workers.execute(() -> run(name, lane, id));
            }
        }
        if (lane.idle()) {
            lanes.remove(name, lane);
        }
    }

    private void run(String name, Lane lane, String id) {
        try {
            attempt(name, id);
        } catch (RuntimeException e) {
            LOG.error(
                    "asynchronous invocation {} of '{}' could not run; it stays stored and runs"
                            + " again at the next start",
                    id,
                    name,
                    e);
        } finally {
            synchronized (this) {
                lane.running--;
                running--;
                notifyAll();
                pump(name, lane);
            }
        }
    }

    private void attempt(String name, String id) {
        Optional<FunctionPool> pool = pools.get(name);
        if (pool.isEmpty()) {
            finish(
                    id,
                    Outcome.failed(
                            clock.instant(),
                            ErrorCode.FUNCTION_NOT_FOUND,
                            "function '" + name + "' was deleted before this invocation ran"));
            return;
        }
        Function function = pool.get().current();
        Transition started = store.start(id, function.revision(), clock.instant());
        events.publish(InvocationEvents.Update.of(started));
        Invocation invocation = started.invocation();
        List<Frame.Header> headers = invocation.requestType() == null
                ? List.of()
                : List.of(new Frame.Header("content-type", invocation.requestType()));
        byte[] body = invocation.requestBody() == null ? new byte[0] : invocation.requestBody();
        Outcome outcome;
        try {
            InvocationResult result = runner.run(pool.get(), new InvocationRequest(id, headers, body));
            outcome = Outcome.succeeded(
                    clock.instant(), result.coldStart(), result.body(), result.header("content-type"), result.logs());
        } catch (ApiException e) {
            if (interruptedByStop(e)) {
                LOG.info(
                        "asynchronous invocation {} of '{}' was interrupted by the stop ({});"
                                + " it runs again at the next start",
                        id,
                        name,
                        e.code().code());
                return;
            }
            outcome = Outcome.failed(clock.instant(), e, CallRunner.logsOf(e));
        }
        finish(id, outcome);
    }

    private void finish(String id, Outcome outcome) {
        events.publish(InvocationEvents.Update.of(store.finish(id, outcome)));
    }

    private synchronized boolean interruptedByStop(ApiException e) {
        return stopping && INTERRUPTED.contains(e.code());
    }

    private static int capacity(FunctionSpec spec) {
        return spec.scaling().maxInstances() * spec.concurrency();
    }

    private static Duration retryAfter(FunctionSpec spec) {
        return Duration.ofSeconds(Math.max(1, Math.min(60, spec.timeout().toSeconds())));
    }
}
