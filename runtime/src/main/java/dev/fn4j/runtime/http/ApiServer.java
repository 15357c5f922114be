package dev.fn4j.runtime.http;

import dev.fn4j.runtime.auth.AccessRule;
import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.call.Calls;
import dev.fn4j.runtime.deploy.Deployer;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.PoolRegistry;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/** The runtime's HTTP server: the REST API and the HTTP triggers, on Undertow. */
public final class ApiServer {

    /**
     * What the server needs from the rest of the runtime.
     *
     * @param background runs the replay of new event streams (store reads)
     * @param keys checks every request's API key
     */
    public record Parts(ContainerEngine engine, String runtimeId, Deployer deployer,
            FunctionRegistry registry, PoolRegistry pools, Calls calls, InvocationRecorder history,
            InvocationEvents events, RuntimeMetrics metrics, Executor background, ApiKeys keys) {}

    /** The server's own settings. */
    public record Settings(String host, int port, int workerThreads, long maxBodyBytes,
            long maxImageBytes, Path uploadDir) {}

    private final Undertow server;
    private final Admission admission;

    public ApiServer(Parts parts, Settings settings) {
        FunctionsApi functions = new FunctionsApi(parts.deployer(), parts.registry(), parts.pools());
        ImagesApi images = new ImagesApi(parts.engine(), settings.uploadDir(),
                settings.maxImageBytes());
        InvocationsApi invocations = new InvocationsApi(parts.calls(), settings.maxBodyBytes());
        InvocationHistoryApi history = new InvocationHistoryApi(parts.history(), parts.events(),
                parts.registry(), parts.background());
        KeysApi keys = new KeysApi(parts.keys());
        ApiRoutes routes = new ApiRoutes()
                .post("/v1/images", Blocking.api(images::upload))
                .post("/v1/images/reusable-layers", Blocking.api(images::reusableLayers))
                .get("/v1/functions", Blocking.api(functions::list))
                .put("/v1/functions/{name}", Blocking.api(functions::put))
                .get("/v1/functions/{name}", Blocking.api(functions::get))
                .delete("/v1/functions/{name}", Blocking.api(functions::delete))
                .post("/v1/functions/{name}/invocations", Blocking.api(invocations::invoke))
                .get("/v1/functions/{name}/invocations", Blocking.api(history::list))
                .get("/v1/invocations/{id}", Blocking.api(history::get))
                .get("/v1/invocations/{id}/events", history.events())
                .post("/v1/keys", Blocking.api(keys::create))
                .get("/v1/keys", Blocking.api(keys::list))
                .get("/v1/keys/{id}", Blocking.api(keys::get))
                .delete("/v1/keys/{id}", Blocking.api(keys::delete));
        var root = Handlers.path(InvocationHistoryApi.guard(routes.handler()))
                .addPrefixPath("/fn", Blocking.open(invocations::trigger));
        // The registry lookup is an in-memory map read, safe on the IO thread.
        AccessRule rule = new AccessRule(name -> parts.registry().get(name)
                .map(function -> function.spec().publicTrigger()).orElse(false));
        Authentication authentication = new Authentication(parts.keys(), rule,
                (exchange, error) -> ErrorResponses.send(exchange, error, true), root);
        this.admission = new Admission(new RequestIds(authentication));
        HealthApi health = new HealthApi(parts.engine(), parts.runtimeId(), admission::stopping);
        routes.get("/healthz", Blocking.api(health::health));
        routes.get("/metrics", exchange -> {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE,
                    "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseSender().send(parts.metrics().scrape(parts.pools()));
        });
        this.server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setWorkerThreads(settings.workerThreads())
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setHandler(admission)
                .build();
    }

    public void start() {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Refuses new calls and waits up to {@code grace} for admitted ones; true when all ended. */
    public boolean drain(Duration grace) throws InterruptedException {
        return admission.stopAndDrain(grace);
    }

    public void stop() {
        server.stop();
    }
}
