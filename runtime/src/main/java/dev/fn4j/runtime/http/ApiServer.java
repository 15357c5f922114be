package dev.fn4j.runtime.http;

import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.auth.LoopbackTrust;
import dev.fn4j.runtime.call.Calls;
import dev.fn4j.runtime.call.DeadLetterQueue;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.deploy.Images;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import dev.fn4j.runtime.source.SourceBuilds;
import dev.fn4j.runtime.stats.AsyncCounts;
import dev.fn4j.runtime.stats.CallStats;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's HTTP server on Undertow: each request is matched once against the
 * {@link RouteTable}, admitted, given an id, let through by its key, and run by its route's
 * handler.
 */
public final class ApiServer {

    /** Asks the container engine whether it answers; blocks, and throws when it does not. */
    @FunctionalInterface
    public interface EngineCheck {
        void ping();
    }

    /**
     * What the server needs from the rest of the runtime.
     *
     * @param background runs the replay of new event streams (store reads)
     * @param metrics the Prometheus text exposition, read from memory
     * @param keys checks every request's API key
     */
    public record Parts(
            EngineCheck engine,
            String runtimeId,
            Deployer deployer,
            Images images,
            FunctionRegistry registry,
            LiveInstances instances,
            Calls calls,
            InvocationRecorder history,
            InvocationEvents events,
            Supplier<String> metrics,
            Executor background,
            ApiKeys keys,
            DeadLetterQueue deadLetters,
            CallStats stats,
            AsyncCounts asyncCounts) {}

    /**
     * The server's own settings.
     *
     * @param loopback whether keyless requests from loopback addresses are let through
     *     ({@code --open-loopback})
     * @param controlPort the {@link ControlPort control port}, 0 for any free one, or
     *     {@link #NO_CONTROL_PORT}
     */
    public record Settings(
            String host,
            int port,
            int workerThreads,
            long maxBodyBytes,
            long maxImageBytes,
            LoopbackTrust loopback,
            int controlPort) {

        /** No control port: everything is served on the main port alone. */
        public static final int NO_CONTROL_PORT = -1;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Threads for blocking control-plane requests; they end when idle, so an idle runtime keeps none. */
    private static final int CONTROL_THREADS = 8;
    /** How old the engine check {@code /healthz} answers from may be. */
    private static final long HEALTH_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Undertow server;
    /** The control port's listener; null without one. */
    private final Undertow control;

    private final Admission admission;
    private final ThreadPoolExecutor controlPlane;

    public ApiServer(Parts parts, Settings settings) {
        this(parts, settings, Addons.NONE);
    }

    /** A server with callbacks and schedules, as {@code addons} has them. */
    public ApiServer(Parts parts, Settings settings, Addons addons) {
        this(parts, settings, addons, null);
    }

    /** A server that also builds and deploys uploads with {@code sources}; none when null. */
    public ApiServer(Parts parts, Settings settings, Addons addons, SourceBuilds sources) {
        FunctionsApi functions = new FunctionsApi(parts.deployer(), parts.registry(), parts.instances(), addons);
        ImagesApi images = new ImagesApi(parts.images(), settings.maxImageBytes());
        InvocationsApi invocations = new InvocationsApi(parts.calls(), parts.events(), settings.maxBodyBytes(), addons);
        InvocationHistoryApi history =
                new InvocationHistoryApi(parts.history(), parts.events(), parts.registry(), parts.background(), addons);
        KeysApi keys = new KeysApi(parts.keys());
        this.controlPlane = controlPlaneExecutor();
        HealthApi health = new HealthApi(
                new EngineHealth(parts.engine(), controlPlane, HEALTH_MAX_AGE_NANOS, System::nanoTime),
                parts.runtimeId(),
                this::stopping);
        MetricsApi metrics = new MetricsApi(parts.metrics());
        // The registry lookup is an in-memory map read, safe on the IO thread.
        Gate gate = new Gate(
                new Authentication(parts.keys()),
                name -> parts.registry()
                        .get(name)
                        .map(function -> function.spec().publicTrigger())
                        .orElse(false),
                settings.loopback(),
                controlPlane,
                InvocationHistoryApi.guard(new RouteHandler()));
        this.admission = new Admission(new RequestIds(gate));
        List<Route> routes = new ArrayList<>(RouteTable.routes(
                functions,
                images,
                invocations,
                history,
                keys,
                health,
                metrics,
                new DeadLettersApi(parts.deadLetters(), parts.registry())));
        routes.addAll(RouteTable.addonRoutes(new CallbacksApi(addons.callbacks(), parts.registry())));
        if (sources != null) {
            routes.addAll(RouteTable.sourceRoutes(new SourceApi(sources, functions, parts.background())));
        }
        routes.addAll(RouteTable.uiRoutes(new UiApi(UiAssets.bundled())));
        routes.addAll(RouteTable.statsRoutes(
                new StatsApi(parts.registry(), parts.instances(), parts.stats(), parts.asyncCounts())));
        // Read on the first request for the document, when the list has every route.
        routes.addAll(RouteTable.documentRoutes(new OpenApiApi(() -> List.copyOf(routes))));
        Router router = new Router(routes, admission);
        this.server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setWorkerThreads(settings.workerThreads())
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setHandler(router)
                .build();
        this.control = settings.controlPort() == Settings.NO_CONTROL_PORT
                ? null
                : ControlPort.server(settings.host(), settings.controlPort(), routes, admission);
    }

    public void start() {
        server.start();
        if (control != null) {
            if (!ControlPlaneThreads.startAtPriority(control::start)) {
                LOG.info(
                        "the control port's threads run at the calls' priority: start the runtime's JVM with {}, as"
                                + " root or with CAP_SYS_NICE, so that health checks, scrapes and the admin API are"
                                + " served ahead of calls that saturate the CPUs (docs/api.md, \"The control port\")",
                        ControlPlaneThreads.JVM_FLAG);
            }
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ControlPort.boundPort(server);
    }

    /** The control port actually bound, or {@link Settings#NO_CONTROL_PORT} without one. */
    public int controlPort() {
        return control == null ? Settings.NO_CONTROL_PORT : ControlPort.boundPort(control);
    }

    /** Refuses new calls and waits up to {@code grace} for admitted ones; true when all ended. */
    public boolean drain(Duration grace) throws InterruptedException {
        return admission.stopAndDrain(grace);
    }

    /** Whether the server refuses new calls; read by health checks, only once serving. */
    private boolean stopping() {
        return admission.stopping();
    }

    public void stop() {
        server.stop();
        if (control != null) {
            control.stop();
        }
        controlPlane.shutdown();
    }

    private static ThreadPoolExecutor controlPlaneExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                CONTROL_THREADS,
                CONTROL_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                ControlPlaneThreads.factory("fn4j-control"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
