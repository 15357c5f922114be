package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.auth.ApiKeys;
import dev.fn4j.runtime.auth.Authentication;
import dev.fn4j.runtime.auth.LoopbackTrust;
import dev.fn4j.runtime.auth.MemoryKeyStore;
import dev.fn4j.runtime.auth.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread the gate lets requests on to their routes on, behind the router of the real route
 * table, on Undertow: the IO thread only for a non-blocking route whose key needs no database read.
 */
class GateTest {

    /** A request that got past the gate, and whether it did on an IO thread. */
    record Passed(String path, boolean onIoThread) {}

    private final List<Passed> passed = Collections.synchronizedList(new ArrayList<>());
    private final MemoryKeyStore store = new MemoryKeyStore();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService controlPlane = Executors.newSingleThreadExecutor();
    private final ApiKeys keys = new ApiKeys(store, Clock.systemUTC(), background);
    private final HttpClient client = HttpClient.newHttpClient();
    private RoutedServer server;

    @BeforeEach
    void start() {
        Gate gate = new Gate(new Authentication(keys), name -> false, LoopbackTrust.OFF, controlPlane, exchange -> {
            passed.add(new Passed(exchange.getRequestPath(), exchange.isInIoThread()));
            exchange.setStatusCode(204);
            exchange.endExchange();
        });
        server = RoutedServer.start(gate);
    }

    @AfterEach
    void stop() {
        server.close();
        background.shutdownNow();
        controlPlane.shutdownNow();
    }

    @Test
    void theFunctionListRunsOnTheIoThreadOnceItsKeyIsCached() throws Exception {
        String key = keys.create("ops", Scope.ADMIN, null).plaintext();

        assertThat(send("/v1/functions", key).statusCode()).isEqualTo(204);
        assertThat(send("/v1/functions", key).statusCode()).isEqualTo(204);

        assertThat(passed).containsExactly(new Passed("/v1/functions", false), new Passed("/v1/functions", true));
        assertThat(store.reads())
                .as("the first request read the key, the second did not")
                .isEqualTo(1);
    }

    @Test
    void theScrapeAndBlockingAdminRoutesNeverRunOnTheIoThread() throws Exception {
        String key = keys.create("ops", Scope.ADMIN, null).plaintext();
        send("/v1/functions", key);
        passed.clear();

        send("/metrics", null);
        send("/v1/keys", key);

        assertThat(passed).containsExactly(new Passed("/metrics", false), new Passed("/v1/keys", false));
    }

    @Test
    void anUnknownKeyIsReadFromTheStoreAndRefused() throws Exception {
        HttpResponse<String> refused = send("/v1/functions", "fn4j_0123456789ab_" + "x".repeat(43));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("the API key is not valid: it is unknown, revoked or mistyped");
        assertThat(store.reads()).isEqualTo(1);
        assertThat(passed).isEmpty();
    }

    private HttpResponse<String> send(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
