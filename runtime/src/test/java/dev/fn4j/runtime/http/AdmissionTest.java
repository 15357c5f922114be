package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission behind the router of the real route table, on Undertow; routes answer 204 here. */
class AdmissionTest {

    /** The paths that got past admission, in order. */
    private final List<String> admitted = Collections.synchronizedList(new ArrayList<>());

    private final HttpClient client = HttpClient.newHttpClient();
    private Admission admission;
    private RoutedServer server;

    @BeforeEach
    void start() {
        admission = new Admission(exchange -> {
            admitted.add(exchange.getRequestMethod() + " " + exchange.getRequestPath());
            exchange.setStatusCode(204);
        });
        server = RoutedServer.start(admission);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRouteIsAdmittedUntilTheRuntimeStops() throws Exception {
        assertThat(send("GET", "/v1/functions").statusCode()).isEqualTo(204);
        assertThat(send("GET", "/metrics").statusCode()).isEqualTo(204);
        assertThat(admitted).containsExactly("GET /v1/functions", "GET /metrics");
        assertThat(admission.stopping()).isFalse();
    }

    @Test
    void onceStoppingOnlyRoutesServedWhileStoppingAreAdmitted() throws Exception {
        assertThat(admission.stopAndDrain(Duration.ZERO))
                .as("nothing in flight")
                .isTrue();

        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(204);
        for (String path : List.of("/metrics", "/v1/functions", "/fn/hello", "/nowhere")) {
            HttpResponse<String> refused = send("GET", path);
            assertThat(refused.statusCode()).as(path).isEqualTo(503);
            assertThat(refused.body())
                    .as(path)
                    .contains("\"code\":\"shutting_down\"")
                    .contains("the runtime is stopping and takes no new calls; retry against a running runtime");
        }
        assertThat(admitted).containsExactly("GET /healthz");
    }

    @Test
    void aWrongMethodOnTheHealthCheckIsStillAnsweredWhileStopping() throws Exception {
        admission.stopAndDrain(Duration.ZERO);

        assertThat(send("PUT", "/healthz").statusCode()).isEqualTo(204);
        assertThat(admitted).containsExactly("PUT /healthz");
    }

    @Test
    void onlyTheHealthChecksAreServedWhileStopping() {
        assertThat(RouteTableTest.routes().stream()
                        .filter(Route::servedWhileStopping)
                        .map(route -> route.method() + " " + route.template()))
                .containsExactly("GET /healthz", "GET /readyz");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
