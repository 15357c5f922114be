package dev.fn4j.runtime;

import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.call.AsyncInvocations;
import dev.fn4j.runtime.callback.Callbacks;
import dev.fn4j.runtime.cluster.Changes;
import dev.fn4j.runtime.cluster.Membership;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.instance.OrphanReaper;
import dev.fn4j.runtime.schedule.Scheduler;
import dev.fn4j.runtime.store.Database;
import dev.fn4j.runtime.store.DatabaseSettings;
import dev.fn4j.runtime.store.NoticeListener;
import dev.fn4j.runtime.store.RuntimeTable;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires this runtime into the others sharing its PostgreSQL database: its heartbeat and the
 * takeover of dead runtimes ({@link Membership}) on a thread of their own, the change notices
 * that keep its functions, pools and keys fresh ({@link NoticeListener}, {@link Changes}), and
 * each heartbeat's recount of the shared backlog and sweep of callbacks whose call ended
 * elsewhere. On H2 (one runtime per data directory) it does nothing.
 */
final class RuntimeCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeCluster.class);

    /** What the cluster acts on; all of it built by {@link FnRuntime}. */
    record Parts(
            FunctionRegistry registry,
            Deployer deployer,
            ApiKeys keys,
            AsyncInvocations async,
            Callbacks callbacks,
            Scheduler scheduler,
            OrphanReaper reaper,
            Executor background) {}

    private final Database database;
    private final String runtimeId;
    private final Duration lease;
    private final Parts parts;
    private final Membership membership;
    /** Runs the heartbeats, one at a time; null until started and on H2. */
    private ScheduledExecutorService beats;

    private NoticeListener notices;

    RuntimeCluster(Database database, String runtimeId, Duration lease, Clock clock, Parts parts) {
        this.database = database;
        this.runtimeId = runtimeId;
        this.lease = lease;
        this.parts = parts;
        this.membership = new Membership(new RuntimeTable(database), runtimeId, lease, clock, (dead, requeued) -> {
            parts.async().adopt(requeued);
            parts.background().execute(() -> {
                int removed = parts.reaper().removeContainers(dead);
                LOG.info("removed {} container(s) of runtime {}", removed, dead);
                parts.callbacks().resume();
                parts.scheduler().resume();
            });
        });
    }

    private boolean shared() {
        return database.settings().kind() == DatabaseSettings.Kind.POSTGRESQL;
    }

    /** Records this runtime as alive; call at start-up before queued work is recovered. */
    void join() {
        if (shared()) {
            membership.join();
        }
    }

    /** Starts listening for changes and beating; call once the stored functions are deployed. */
    void start() {
        if (!shared()) {
            return;
        }
        FunctionRegistry registry = parts.registry();
        Deployer deployer = parts.deployer();
        notices = NoticeListener.start(
                database,
                new Changes(
                        name -> {
                            registry.refresh(name);
                            deployer.sync(name);
                        },
                        () -> registry.refreshAll().forEach(deployer::sync),
                        parts.keys()::forget,
                        parts.keys()::forgetAll));
        // Two threads: a slow recount or sweep (a busy database) must not delay the heartbeat.
        beats = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fn4j-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Membership.heartbeat(lease).toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        beats.scheduleWithFixedDelay(this::recount, every, every, TimeUnit.MILLISECONDS);
        LOG.info(
                "sharing the database with other runtimes as {}: heartbeat every {} ms, lease {}",
                runtimeId,
                every,
                lease);
    }

    private void beat() {
        try {
            membership.tick();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed: {}", e.getMessage());
        }
    }

    /** Recounts the shared backlog and delivers callbacks of calls that ended on other runtimes. */
    private void recount() {
        try {
            parts.async().resync();
            parts.callbacks().sweep();
        } catch (RuntimeException e) {
            LOG.warn("recounting the shared backlog failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (notices != null) {
            notices.close();
        }
        if (beats != null) {
            beats.shutdownNow();
            try {
                beats.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
