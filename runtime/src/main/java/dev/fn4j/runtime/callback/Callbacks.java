package dev.fn4j.runtime.callback;

import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.limit.Backoff;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion callbacks: registers an asynchronous call's allowed callback URL (stored before the
 * call is, so that no final state is missed), hears its final state from {@link InvocationEvents},
 * and delivers it signed on a few delivery threads, retrying with {@link Backoff} and recording
 * each attempt. After a restart, {@link #resume} picks up what this runtime had not delivered.
 * Delivery is at least once: a receiver deduplicates by the invocation id.
 */
public final class Callbacks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    /** The header that names the invocation, for receivers that deduplicate. */
    static final String INVOCATION_HEADER = "X-Fn4j-Invocation-Id";

    /** Where deliveries run and when retries are due; owned, shut down by {@link #close}. */
    public record Threads(ExecutorService delivery, ScheduledExecutorService timers) {}

    private final AllowList allowList;
    private final CallbackTable table;
    private final InvocationStore invocations;
    private final InvocationEvents events;
    private final Sender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final String runtimeId;
    private final Threads threads;
    /** Open subscriptions by invocation id, until its final state arrives. */
    private final ConcurrentMap<String, InvocationEvents.Subscription> waiting = new ConcurrentHashMap<>();
    /** Invocations with a delivery attempt queued or running: at most one each. */
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();

    public Callbacks(
            AllowList allowList,
            CallbackTable table,
            InvocationStore invocations,
            InvocationEvents events,
            Backoff backoff,
            Duration timeout,
            Clock clock,
            String runtimeId,
            Threads threads) {
        this.allowList = allowList;
        this.table = table;
        this.invocations = invocations;
        this.events = events;
        this.sender = new Sender(timeout);
        this.backoff = backoff;
        this.clock = clock;
        this.runtimeId = runtimeId;
        this.threads = threads;
    }

    /** {@code concurrency} delivery threads and one timer thread, daemons named fn4j-callback-*. */
    public static Threads threads(int concurrency) {
        ThreadPoolExecutor delivery = new ThreadPoolExecutor(
                concurrency,
                concurrency,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                r -> daemon(r, "delivery"));
        delivery.allowCoreThreadTimeOut(true);
        return new Threads(
                delivery, java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "timer")));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, "fn4j-callback-" + name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Registers the callback of an asynchronous call about to be submitted; blocks on the store.
     *
     * @throws dev.fn4j.runtime.error.ApiException 400 {@code callback_not_allowed} when the
     *     operator does not allow {@code url}
     */
    public void register(String invocationId, String function, String url) {
        URI uri = allowList.check(url);
        table.insert(
                new Callback(invocationId, function, uri.toString(), Callback.State.PENDING, 0, clock.instant(), null),
                runtimeId);
        listen(invocationId).goLive(0);
    }

    /** Forgets the registration of a call that was refused after it was registered. */
    public void forget(String invocationId) {
        InvocationEvents.Subscription subscription = waiting.remove(invocationId);
        if (subscription != null) {
            subscription.cancel();
        }
        table.delete(invocationId);
    }

    /**
     * Takes up the callbacks this runtime had not delivered when it stopped: due ones are sent,
     * the others wait for their invocation's final state. Call at start-up, before queued
     * invocations run again. Returns how many were taken up.
     */
    public int resume() {
        List<Callback> pending = table.pending(runtimeId);
        for (Callback callback : pending) {
            String id = callback.invocationId();
            InvocationEvents.Subscription subscription = listen(id);
            Optional<Invocation> invocation = invocations.find(id);
            if (invocation.isEmpty()) {
                // Stopped between registering and storing the call: no final state will come.
                forget(id);
            } else if (invocation.get().status().terminal()) {
                waiting.remove(id, subscription);
                subscription.cancel();
                Instant due = callback.nextAttemptAt();
                deliverLater(id, due == null ? Duration.ZERO : Duration.between(clock.instant(), due));
            } else {
                subscription.goLive(0);
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("took up {} undelivered callback(s)", pending.size());
        }
        return pending.size();
    }

    /**
     * Delivers this runtime's due callbacks whose invocation ended on another runtime sharing the
     * database (which publishes its final state to its own listeners only). Call now and then
     * when runtimes share the database; a no-op for callbacks already being delivered here.
     * Returns how many deliveries it started.
     */
    public int sweep() {
        Instant now = clock.instant();
        int started = 0;
        for (Callback callback : table.pendingEnded(runtimeId)) {
            Instant due = callback.nextAttemptAt();
            if (due == null || !due.isAfter(now)) {
                InvocationEvents.Subscription subscription = waiting.remove(callback.invocationId());
                if (subscription != null) {
                    subscription.cancel();
                }
                deliver(callback.invocationId());
                started++;
            }
        }
        return started;
    }

    private InvocationEvents.Subscription listen(String id) {
        InvocationEvents.Subscription subscription = events.subscribe(id, new InvocationEvents.Listener() {
            @Override
            public void update(InvocationEvents.Update update) {
                if (update.invocation().status().terminal()) {
                    InvocationEvents.Subscription done = waiting.remove(id);
                    if (done != null) {
                        done.cancel();
                    }
                    deliver(id);
                }
            }

            @Override
            public void ended() {
                waiting.remove(id); // the runtime is stopping: resumed at the next start
            }
        });
        waiting.put(id, subscription);
        return subscription;
    }

    private void deliverLater(String id, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            deliver(id);
        } else {
            threads.timers().schedule(() -> deliver(id), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Queues one delivery attempt unless one is queued or running; never blocks. */
    private void deliver(String id) {
        if (delivering.add(id)) {
            try {
                threads.delivery().execute(() -> attempt(id));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                delivering.remove(id); // resumed at the next start
            }
        }
    }

    private void attempt(String id) {
        Duration retryIn = null;
        try {
            retryIn = new Delivery(table, invocations, sender, backoff, clock).attempt(id);
        } catch (RuntimeException e) {
            LOG.warn("callback of invocation {} could not be attempted; it is taken up at the next start", id, e);
        } finally {
            delivering.remove(id);
        }
        if (retryIn != null) {
            deliverLater(id, retryIn);
        }
    }

    /** The function's signing secret, made at first use; blocks on the store. */
    public String secret(String function) {
        return table.secret(function, clock.instant());
    }

    /** The invocation's callback for its view: destination, state and attempts; empty if none. */
    public Optional<Map<String, Object>> view(String invocationId) {
        return table.find(invocationId).map(callback -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", callback.url());
            json.put("state", callback.state().wire());
            json.put("nextAttemptAt", callback.nextAttemptAt());
            json.put("attempts", table.attempts(invocationId));
            return json;
        });
    }

    /** Forgets delivered and failed callbacks older than {@code retention}; blocks on the store. */
    public int forgetOlderThan(Duration retention) {
        return table.deleteSettledBefore(clock.instant().minus(retention));
    }

    /** Stops delivering; what is undelivered is taken up at the next start. */
    @Override
    public void close() {
        threads.timers().shutdownNow();
        threads.delivery().shutdownNow();
        waiting.values().forEach(InvocationEvents.Subscription::cancel);
    }

    static double jitter() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
