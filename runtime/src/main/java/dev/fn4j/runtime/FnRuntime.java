package dev.fn4j.runtime;

import dev.fn4j.runtime.auth.AdminKeyBootstrap;
import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.auth.LoopbackTrust;
import dev.fn4j.runtime.call.AsyncInvocations;
import dev.fn4j.runtime.call.CallRunner;
import dev.fn4j.runtime.call.Calls;
import dev.fn4j.runtime.call.DeadLetterQueue;
import dev.fn4j.runtime.call.LiveLogs;
import dev.fn4j.runtime.callback.AllowList;
import dev.fn4j.runtime.callback.CallbackTable;
import dev.fn4j.runtime.callback.Callbacks;
import dev.fn4j.runtime.deploy.ArchiveTraining;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.deploy.Images;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.FunctionSpecParser;
import dev.fn4j.runtime.http.Addons;
import dev.fn4j.runtime.http.ApiServer;
import dev.fn4j.runtime.instance.ClassDataArchives;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.instance.InstanceInspector;
import dev.fn4j.runtime.instance.InstanceRemover;
import dev.fn4j.runtime.instance.InstanceStarter;
import dev.fn4j.runtime.instance.NetworkTransport;
import dev.fn4j.runtime.instance.OrphanReaper;
import dev.fn4j.runtime.instance.Stems;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.limit.Backoff;
import dev.fn4j.runtime.limit.HostCpu;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.limit.RateLimiter;
import dev.fn4j.runtime.limit.SpareCpu;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.Capacity;
import dev.fn4j.runtime.pool.DeadlineTimer;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.Pausing;
import dev.fn4j.runtime.pool.PoolInstances;
import dev.fn4j.runtime.pool.PoolRegistry;
import dev.fn4j.runtime.pool.ScaleOut;
import dev.fn4j.runtime.schedule.CronSchedule;
import dev.fn4j.runtime.schedule.ScheduleTable;
import dev.fn4j.runtime.schedule.Scheduler;
import dev.fn4j.runtime.stats.CallStats;
import dev.fn4j.runtime.store.BacklogCounts;
import dev.fn4j.runtime.store.CallStatsTable;
import dev.fn4j.runtime.store.Database;
import dev.fn4j.runtime.store.FunctionTable;
import dev.fn4j.runtime.store.InvocationTable;
import dev.fn4j.runtime.store.KeyTable;
import dev.fn4j.runtime.store.QueueTable;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime: composes the engine, the database, the function registry, the pools, the invoker,
 * the asynchronous queue and the HTTP server, and owns their start-up and shutdown order.
 */
public final class FnRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FnRuntime.class);
    /** How long a callback receiver has to connect and to answer. */
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    /** Callback deliveries at once: a slow receiver holds one for its timeout at most. */
    private static final int CALLBACK_THREADS = 4;
    /** How late a schedule's tick may start and still count as on time rather than missed. */
    private static final Duration SCHEDULE_GRACE = Duration.ofSeconds(10);

    private final RuntimeConfig config;
    private final ContainerEngine engine;
    private final String runtimeId;
    private final ScheduledExecutorService timers;
    private final ExecutorService background;
    private final PoolRegistry pools;
    private final RuntimeMetrics metrics;
    private final RateLimiter limiter;
    private final OrphanReaper reaper;
    private final Database database;
    private final FunctionRegistry registry;
    private final InvocationStore invocations;
    private final InvocationRecorder recorder;
    private final InvocationEvents events;
    private final AsyncInvocations async;
    private final Callbacks callbacks;
    private final Scheduler scheduler;
    private final ApiServer server;
    private final Clock clock;
    /** Per-minute call statistics for the dashboard, written to the store every few seconds. */
    private final CallStats stats;
    /** The other runtimes sharing a PostgreSQL database; does nothing on H2. */
    private final RuntimeCluster cluster;
    /** JVMs started ahead of need, each to become an instance of a function of its platform. */
    private final Stems stems;
    /** The instance port when the engine shares no files with instances (Kubernetes); else null. */
    private final NetworkTransport network;

    private boolean closed;

    private FnRuntime(RuntimeConfig config, ContainerEngine engine, Database database) throws IOException {
        this.config = config;
        this.engine = engine;
        this.database = database;
        this.runtimeId = RuntimeId.load(config.dataDir());
        Clock clock = Clock.systemUTC();
        this.clock = clock;
        this.timers = Executors.newScheduledThreadPool(2, threads("fn4j-timer"));
        this.background = Executors.newCachedThreadPool(threads("fn4j-background"));
        InstanceRemover remover = new InstanceRemover(engine, background);
        this.reaper = new OrphanReaper(engine, remover);
        // Class-data archives are files the instance maps from its directory: Docker only
        // (in-process instances share this JVM, and pods share no files with the runtime).
        ClassDataArchives archives =
                engine.sharesHostFiles() && !config.engine().equals(RuntimeConfig.IN_PROCESS_ENGINE)
                        ? ClassDataArchives.in(config.dataDir().resolve("cds"))
                        : ClassDataArchives.off();
        this.network = engine.sharesHostFiles() ? null : NetworkTransport.open(System.getenv(), clock, timers);
        MemoryBudget budget = new MemoryBudget(config.memoryBudget());
        HostCpu hostCpu = new HostCpu();
        this.stems = new Stems(
                engine,
                runtimeId,
                config.containerLabels(),
                config.instancesDir(),
                config.dataDir().resolve("stem-files"),
                remover,
                background,
                SpareCpu.of(hostCpu, background),
                budget,
                config.engine().equals(RuntimeConfig.IN_PROCESS_ENGINE) ? 0 : config.stems());
        InstanceStarter starter = new InstanceStarter(
                engine,
                runtimeId,
                config.containerLabels(),
                config.instancesDir(),
                config.startTimeout(),
                background,
                timers,
                remover,
                clock,
                InstanceStarter.Extras.NONE
                        .withArchives(archives)
                        .withNetwork(network)
                        .withStems(stems));
        DeadlineTimer timer = DeadlineTimer.on(timers, clock);
        this.metrics = new RuntimeMetrics();
        Capacity capacity = new Capacity(function -> timedStart(starter, function), remover::kill, budget);
        // Idle instances are paused, not removed, where the engine can freeze them (--keep-paused).
        Pausing pausing =
                engine.canPause() ? new Pausing(new EngineFreezer(engine, metrics), config.keepPaused()) : Pausing.OFF;
        this.pools = new PoolRegistry(capacity, ScaleOut.forHost(hostCpu), pausing, background, timer, clock);
        this.limiter = new RateLimiter(TimeMeter.SYSTEM_NANOTIME, config.clientRateLimit());
        this.registry = new FunctionRegistry(clock, new FunctionTable(database));
        Deployer deployer = new Deployer(
                registry,
                pools,
                engine,
                new FunctionSpecParser(Runtime.getRuntime().availableProcessors(), CronSchedule::check),
                capacity::startChecked,
                new ArchiveTraining(starter, capacity, registry, archives, timers, background));
        this.events = new InvocationEvents();
        Invoker invoker = new Invoker(new InstanceInspector(engine), timer, clock, new LiveLogs(events), background);
        this.invocations = new InvocationTable(database);
        this.recorder = new InvocationRecorder(invocations);
        this.stats = new CallStats(new CallStatsTable(database), clock);
        CallRunner runner = new CallRunner(invoker, metrics, stats);
        QueueTable queue = new QueueTable(database);
        this.async = new AsyncInvocations(queue, runner, pools, events, clock, runtimeId, config.maxBacklog());
        Calls calls = new Calls(pools, limiter, runner, async, recorder, clock);
        this.callbacks = new Callbacks(
                AllowList.of(config.callbackAllow()),
                new CallbackTable(database),
                invocations,
                events,
                Backoff.DEFAULT,
                CALLBACK_TIMEOUT,
                clock,
                runtimeId,
                Callbacks.threads(CALLBACK_THREADS));
        this.scheduler = new Scheduler(
                registry::list,
                new ScheduleTable(database),
                calls::submit,
                id -> invocations.find(id).isPresent(),
                runtimeId,
                clock,
                SCHEDULE_GRACE);
        ApiKeys keys = new ApiKeys(new KeyTable(database), clock, background);
        AdminKeyBootstrap.ensure(keys, config.adminKey(), config.dataDir(), System.out);
        this.cluster = new RuntimeCluster(
                database,
                runtimeId,
                config.runtimeLease(),
                clock,
                new RuntimeCluster.Parts(registry, deployer, keys, async, callbacks, scheduler, reaper, background));
        this.server = new ApiServer(
                new ApiServer.Parts(
                        engine::ping,
                        runtimeId,
                        deployer,
                        new Images(engine, config.uploadDir(), stems::prefetch),
                        registry,
                        new PoolInstances(pools),
                        calls,
                        recorder,
                        events,
                        () -> metrics.scrape(pools),
                        background,
                        keys,
                        new DeadLetterQueue(queue, invocations, async, events, clock),
                        stats,
                        new BacklogCounts(database)),
                new ApiServer.Settings(
                        config.host(),
                        config.port(),
                        config.workerThreads(),
                        config.maxBodyBytes(),
                        config.maxImageBytes(),
                        LoopbackTrust.of(config.openLoopback()),
                        config.controlPort()),
                new Addons(callbacks, scheduler),
                Uploads.builds(config, engine, deployer, clock, threads("fn4j-build"), stems::prefetch));
    }

    /**
     * Checks the engine, opens the database, removes what an earlier run left, deploys the stored
     * functions again (their minimum instances start warm), queues again the asynchronous work an
     * earlier run left unfinished, and starts serving.
     */
    public static FnRuntime start(RuntimeConfig config, ContainerEngine engine) throws IOException {
        engine.ping();
        Database database = Database.open(config.database());
        FnRuntime runtime;
        try {
            runtime = new FnRuntime(config, engine, database);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            runtime.reaper.removeContainers(runtime.runtimeId);
            runtime.reaper.removeSocketDirs(config.instancesDir());
            runtime.stems.clearFiles();
            for (Function function : runtime.registry.list()) {
                runtime.pools.deploy(function);
            }
            runtime.cluster.join();
            runtime.callbacks.resume();
            runtime.async.recover();
            runtime.cluster.start();
            runtime.scheduler.start(runtime.timers, runtime.background, config.invocationRetention());
            runtime.timers.scheduleWithFixedDelay(runtime::reapIdle, 1, 1, TimeUnit.SECONDS);
            runtime.timers.scheduleWithFixedDelay(runtime.limiter::forgetIdle, 1, 1, TimeUnit.MINUTES);
            runtime.timers.scheduleWithFixedDelay(
                    () -> runtime.background.execute(runtime.stats::flush), 5, 5, TimeUnit.SECONDS);
            long every = config.retentionCheckInterval().toMillis();
            runtime.timers.scheduleWithFixedDelay(
                    () -> runtime.background.execute(runtime::deleteOldInvocations),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
            runtime.server.start();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        LOG.info(
                "loaded {} function(s); keeping ended invocations for {}",
                runtime.registry.list().size(),
                config.invocationRetention());
        if (config.openLoopback()) {
            // Loud on purpose: anyone on this machine can now call every function without a key.
            LOG.warn("OPEN LOOPBACK: requests from this machine (a loopback address) need no API key"
                    + " to call functions or read invocations (--open-loopback); for local development"
                    + " only, never behind a reverse proxy on the same host");
        }
        LOG.info(
                "fn4j runtime {} listening on http://{}:{} (data dir {})",
                runtime.runtimeId,
                config.host(),
                runtime.port(),
                config.dataDir());
        if (runtime.server.controlPort() != ApiServer.Settings.NO_CONTROL_PORT) {
            LOG.info(
                    "control port: health checks, metrics and admin API on http://{}:{}",
                    config.host(),
                    runtime.server.controlPort());
        }
        return runtime;
    }

    public int port() {
        return server.port();
    }

    public String runtimeId() {
        return runtimeId;
    }

    /** Deletes ended invocations older than the retention; runs on a background thread. */
    private void deleteOldInvocations() {
        try {
            int deleted = invocations.deleteEndedBefore(clock.instant().minus(config.invocationRetention()));
            callbacks.forgetOlderThan(config.invocationRetention());
            if (deleted > 0) {
                LOG.info("deleted {} invocation(s) older than {}", deleted, config.invocationRetention());
            }
        } catch (RuntimeException e) {
            LOG.warn("deleting old invocations failed: {}", e.getMessage());
        }
    }

    /** Starts an instance, counting its start as a cold start in the metrics. */
    private Instance timedStart(InstanceStarter starter, Function function) {
        long begin = System.nanoTime();
        Instance instance = starter.start(function);
        metrics.coldStart(function.name(), Duration.ofNanos(System.nanoTime() - begin));
        return instance;
    }

    private void reapIdle() {
        try {
            pools.reapIdle();
        } catch (RuntimeException e) {
            LOG.warn("idle reaping failed", e);
        }
    }

    /**
     * Stops: refuses new calls with 503 and ends event streams, lets admitted calls (synchronous
     * and asynchronous) finish within the grace period, leaves queued asynchronous work stored
     * for the next start, then removes every container of this runtime, writes the last
     * invocation records and stops serving.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info(
                "stopping: draining calls for up to {}s", config.shutdownGrace().toSeconds());
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        try {
            async.stopStarting();
            scheduler.stop();
            events.closeAll();
            boolean drained = server.drain(config.shutdownGrace());
            boolean asyncDone = async.awaitRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!drained || !asyncDone) {
                LOG.warn("calls still running after the grace period; stopping anyway"
                        + " (unfinished asynchronous calls run again at the next start)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cluster.close();
        pools.all().forEach(FunctionPool::close);
        stems.close();
        timers.shutdownNow();
        background.shutdown();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever the pools could not remove (busy past the grace period) goes by label.
        int removed = reaper.removeContainers(runtimeId);
        reaper.removeSocketDirs(config.instancesDir());
        server.stop();
        if (network != null) {
            network.close();
        }
        callbacks.close();
        recorder.close();
        stats.flush();
        database.close();
        engine.close();
        LOG.info("stopped; removed {} remaining container(s)", removed);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
