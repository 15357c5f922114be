package dev.fn4j.runtime.http;

import static dev.fn4j.runtime.http.Access.ADMIN;
import static dev.fn4j.runtime.http.Access.INVOKE;
import static dev.fn4j.runtime.http.Access.OPEN;
import static dev.fn4j.runtime.http.Access.TRIGGER;
import static dev.fn4j.runtime.http.Route.ANY_METHOD;
import static dev.fn4j.runtime.http.Route.blocking;
import static dev.fn4j.runtime.http.Route.nonBlocking;

import java.util.List;

/**
 * Every route of the API, in one place: method, path, who may call it, whether it blocks, whether
 * it answers while the runtime stops, and its handler. The router matches requests against it,
 * admission and authentication read the matched route, and docs/api.md describes the same routes.
 */
final class RouteTable {

    /** The dashboard's pages: open, but a person's page whose calls need the main port. */
    static final String UI = "/ui/*";

    private RouteTable() {}

    static List<Route> routes(
            FunctionsApi functions,
            ImagesApi images,
            InvocationsApi invocations,
            InvocationHistoryApi history,
            KeysApi keys,
            HealthApi health,
            MetricsApi metrics,
            DeadLettersApi deadLetters) {
        return List.of(
                blocking("POST", "/v1/images", ADMIN, images::upload, "Load an uploaded image archive into the engine"),
                blocking(
                        "POST",
                        "/v1/images/reusable-layers",
                        ADMIN,
                        images::reusableLayers,
                        "Count the leading layers an image upload may leave out"),
                // From memory, so on the IO thread once the key is cached (see Gate).
                nonBlocking("GET", "/v1/functions", ADMIN, functions::list, "List functions"),
                blocking("PUT", "/v1/functions/{name}", ADMIN, functions::put, "Create or update a function"),
                blocking(
                        "GET",
                        "/v1/functions/{name}",
                        ADMIN,
                        functions::get,
                        "Describe a function with its instances and revisions"),
                blocking("DELETE", "/v1/functions/{name}", ADMIN, functions::delete, "Remove a function"),
                blocking(
                        "POST",
                        "/v1/functions/{name}/invocations",
                        INVOKE,
                        invocations::invoke,
                        "Call a function, at once or later with Prefer: respond-async"),
                blocking(
                        "GET",
                        "/v1/functions/{name}/invocations",
                        INVOKE,
                        history::list,
                        "List a function's newest invocations"),
                blocking(
                        "GET",
                        "/v1/invocations/{id}",
                        INVOKE,
                        history::get,
                        "Show an invocation's state, timing, result and logs"),
                // The stream itself never blocks; its store reads run on worker threads.
                nonBlocking(
                        "GET",
                        "/v1/invocations/{id}/events",
                        INVOKE,
                        history.events(),
                        "Follow an invocation's state changes as Server-Sent Events"),
                blocking(
                        "GET",
                        "/v1/functions/{name}/dead-letters",
                        ADMIN,
                        deadLetters::list,
                        "List a function's dead letters, oldest first, a page at a time"),
                blocking(
                        "POST",
                        "/v1/functions/{name}/dead-letters/redrive",
                        ADMIN,
                        deadLetters::redriveAll,
                        "Run every dead letter of a function again"),
                blocking(
                        "DELETE",
                        "/v1/functions/{name}/dead-letters",
                        ADMIN,
                        deadLetters::purge,
                        "Delete a function's dead letters"),
                blocking(
                        "GET",
                        "/v1/invocations/{id}/attempts",
                        INVOKE,
                        deadLetters::attempts,
                        "List an asynchronous invocation's attempts with their outcomes"),
                blocking(
                        "POST",
                        "/v1/invocations/{id}/redrive",
                        ADMIN,
                        deadLetters::redrive,
                        "Run a dead-lettered invocation again with its original input"),
                blocking("POST", "/v1/keys", ADMIN, keys::create, "Create an API key"),
                blocking("GET", "/v1/keys", ADMIN, keys::list, "List API keys"),
                blocking("GET", "/v1/keys/{id}", ADMIN, keys::get, "Show an API key"),
                blocking("DELETE", "/v1/keys/{id}", ADMIN, keys::delete, "Revoke an API key"),
                // Its call goes out and its answer comes back without blocking (see InvocationsApi).
                nonBlocking(
                        ANY_METHOD,
                        "/fn/*",
                        TRIGGER,
                        invocations::trigger,
                        "Call a function with the whole HTTP request: its HTTP trigger"),
                // Served while stopping, so that orchestrators see the runtime going away; from
                // memory on an IO thread, so that busy workers never fail a liveness probe.
                nonBlocking(
                                "GET",
                                "/healthz",
                                OPEN,
                                health::health,
                                "Check that the runtime serves and its engine answered lately")
                        .alsoWhileStopping(),
                blocking(
                                "GET",
                                "/readyz",
                                OPEN,
                                health::ready,
                                "Check that the runtime serves and its engine answers now")
                        .alsoWhileStopping(),
                // On the control plane's threads: until the JIT has compiled it, a scrape is
                // milliseconds of CPU (tens with many functions), too long for an IO thread.
                blocking("GET", "/metrics", OPEN, metrics::scrape, "Read the Prometheus metrics"));
    }

    /**
     * The dashboard: open, since its pages hold no data (they fetch it with the user's key), and
     * served from memory on the IO thread.
     */
    static List<Route> uiRoutes(UiApi ui) {
        return List.of(nonBlocking(ANY_METHOD, UI, OPEN, ui::serve, "Serve the web dashboard's pages"));
    }

    /** The routes of deploying by upload and its builds. */
    static List<Route> sourceRoutes(SourceApi source) {
        return List.of(
                blocking(
                        "POST",
                        "/v1/functions/{name}/source",
                        ADMIN,
                        source::upload,
                        "Build an uploaded zip or jar on the runtime and deploy it as a new revision"),
                blocking("GET", "/v1/builds/{id}", ADMIN, source::get, "Show a build, its steps and its outcome"),
                // The stream itself never blocks; following a build only queues its events.
                nonBlocking(
                        "GET",
                        "/v1/builds/{id}/events",
                        ADMIN,
                        source.events(),
                        "Follow a build's steps and their durations as Server-Sent Events"));
    }

    /** The routes of completion callbacks (schedules have none of their own). */
    static List<Route> addonRoutes(CallbacksApi callbacks) {
        return List.of(
                blocking(
                        "GET",
                        "/v1/functions/{name}/callback-secret",
                        ADMIN,
                        callbacks::secret,
                        "Show the secret a function's completion callbacks are signed with"),
                blocking(
                        "GET",
                        "/v1/invocations/{id}/callback",
                        INVOKE,
                        callbacks::callback,
                        "Show an invocation's completion callback and its delivery attempts"));
    }

    /** The route of the API's own description, which the other routes make up. */
    static List<Route> documentRoutes(OpenApiApi openApi) {
        return List.of(blocking(
                "GET", "/v1/openapi.json", OPEN, openApi::serve, "Describe this API as an OpenAPI 3.1 document"));
    }

    /** The routes the dashboard reads: who the caller is, and call statistics over a window. */
    static List<Route> statsRoutes(StatsApi stats) {
        return List.of(
                // From memory: the key Gate attached, or none for a trusted loopback peer.
                nonBlocking("GET", "/v1/whoami", INVOKE, stats::whoami, "Show the caller's API key: id, name, scope"),
                blocking(
                        "GET",
                        "/v1/stats/functions",
                        INVOKE,
                        stats::functions,
                        "List every function with its instances, calls, errors, latency and backlog over a window"),
                blocking(
                        "GET",
                        "/v1/functions/{name}/stats",
                        INVOKE,
                        stats::function,
                        "Show a function's calls, errors, latency and cold starts over a window, bucket by bucket"));
    }
}
