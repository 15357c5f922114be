package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.runtime.it.fns.Misbehaver;
import dev.fn4j.runtime.testing.KeepAliveClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A function cannot break the HTTP exchange: what an {@code HttpHandler} answers that would (an
 * interim status, connection and framing headers, the platform's headers, a header with CR/LF)
 * never reaches the connection as set, so the next request on the same keep-alive connection
 * is answered, straight to the runtime and behind nginx pooling its connections to it.
 */
class ExchangeIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private static final String FUNCTION = "misbehaver";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final RuntimeFixture runtime = FIXTURE.runtime();

    @BeforeAll
    static void deploy() {
        Reply deployed = FIXTURE.runtime().deploy(FUNCTION, FIXTURE.image(), Misbehaver.class.getName(), "");
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
    }

    @Test
    void oneKeepAliveConnectionToTheRuntimeAnswersEveryRequest() throws Exception {
        try (KeepAliveClient client =
                KeepAliveClient.connect("127.0.0.1", runtime.uri("/").getPort(), READ_TIMEOUT)) {
            everyAnswerLeavesTheConnectionUsable(client);
            KeepAliveClient.Response chunked = get(client, "/chunked");
            assertThat(chunked.header("transfer-encoding")).isNull();
            assertThat(chunked.header("content-length")).isEqualTo("5");
        }
    }

    @Test
    void behindAReverseProxyThatPoolsConnectionsEveryRequestIsAnswered() throws Exception {
        Optional<Path> binary = Nginx.binary();
        assumeTrue(
                binary.isPresent(),
                "nginx is not installed, so the reverse proxy case is skipped; bash scripts/nginx-up.sh installs it");
        try (Nginx nginx = Nginx.start(binary.get(), runtime.uri("/").getPort());
                KeepAliveClient client = KeepAliveClient.connect("127.0.0.1", nginx.port(), READ_TIMEOUT)) {
            try {
                everyAnswerLeavesTheConnectionUsable(client);
                // Calls on new caller connections reuse the proxy's pooled connections to the runtime.
                for (int i = 0; i < 3; i++) {
                    try (KeepAliveClient another = KeepAliveClient.connect("127.0.0.1", nginx.port(), READ_TIMEOUT)) {
                        assertAnswered(another);
                    }
                }
            } catch (Throwable e) {
                throw new AssertionError("through nginx; its log: " + nginx.log(), e);
            }
        }
    }

    @Test
    void anInterimStatusIsRecordedAsBadOutput() throws Exception {
        try (KeepAliveClient client =
                KeepAliveClient.connect("127.0.0.1", runtime.uri("/").getPort(), READ_TIMEOUT)) {
            String id = get(client, "/status/103").header("fn-request-id");
            Await.until(
                    "the call is recorded",
                    Duration.ofSeconds(10),
                    () -> runtime.send("GET", "/v1/invocations/" + id, null).status() == 200);
            JsonNode invocation =
                    runtime.send("GET", "/v1/invocations/" + id, null).json();
            assertThat(invocation.get("status").asText()).isEqualTo("failed");
            assertThat(invocation.get("error").get("code").asText()).isEqualTo("bad_output");
        }
    }

    /** Each answer that could break the exchange, then the next request on the same connection. */
    private static void everyAnswerLeavesTheConnectionUsable(KeepAliveClient client) throws Exception {
        for (String interim : new String[] {"101", "103"}) {
            KeepAliveClient.Response refused = get(client, "/status/" + interim);
            assertThat(refused.status()).as("%s", refused).isEqualTo(502);
            assertThat(refused.header("upgrade")).isNull();
            JsonNode error = MAPPER.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("bad_output");
            assertThat(error.get("message").asText())
                    .isEqualTo("function '" + FUNCTION + "' answered HTTP status " + interim
                            + ", an interim status that belongs to the connection, not to one answer;"
                            + " answer with a final status, 200 to 599");
            assertAnswered(client);
        }

        KeepAliveClient.Response noContent = get(client, "/status/204");
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.header("content-length")).isNull();
        assertAnswered(client);

        KeepAliveClient.Response closing = get(client, "/close");
        assertThat(closing.text()).isEqualTo("bye");
        assertThat(closing.headers("connection")).doesNotContain("close");
        assertAnswered(client);

        assertThat(get(client, "/chunked").text()).isEqualTo("plain");
        assertAnswered(client);

        KeepAliveClient.Response lying = get(client, "/length");
        assertThat(lying.text()).isEqualTo("hello");
        assertThat(lying.headers("content-length")).containsExactly("5");
        assertAnswered(client);

        KeepAliveClient.Response spoofed = get(client, "/spoof");
        assertThat(spoofed.headers("fn-request-id")).singleElement().asString().matches("[0-9a-f]{32}");
        assertThat(spoofed.headers("fn-cold-start")).singleElement().isIn("true", "false");
        assertAnswered(client);

        KeepAliveClient.Response injected = get(client, "/crlf");
        assertThat(injected.header("x-injected")).isNull();
        assertThat(injected.header("x-a")).isNull();
        assertThat(injected.header("x-b")).isEqualTo("2");
        assertAnswered(client);
    }

    private static void assertAnswered(KeepAliveClient client) throws Exception {
        KeepAliveClient.Response next = get(client, "/next");
        assertThat(next.status()).as("%s", next).isEqualTo(200);
        assertThat(next.text()).isEqualTo("ok");
    }

    private static KeepAliveClient.Response get(KeepAliveClient client, String path) throws Exception {
        return client.send(
                "GET", "/fn/" + FUNCTION + path, Map.of("Authorization", TestKeys.bearer(TestKeys.ADMIN)), "");
    }
}
