package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.testing.KeepAliveClient;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends functions' answers that would break the exchange through Undertow, the way the trigger
 * sends them, and checks that one keep-alive connection keeps answering.
 */
class FunctionResponseExchangeTest {

    /** What each path answers, as the function set it. */
    private static final Map<String, FunctionResponse> ANSWERS = Map.of(
            "/ok", FunctionResponseTest.answer("200", "ok"),
            "/close", FunctionResponseTest.answer("200", "bye", "connection", "close", "keep-alive", "timeout=1"),
            "/chunked", FunctionResponseTest.answer("200", "plain", "transfer-encoding", "chunked"),
            "/long", FunctionResponseTest.answer("200", "hello", "content-length", "50"),
            "/short", FunctionResponseTest.answer("200", "hello", "content-length", "2"),
            "/no-content", FunctionResponseTest.answer("204", "oops", "content-length", "4"),
            "/not-modified", FunctionResponseTest.answer("304", "oops"),
            "/injected", FunctionResponseTest.answer("200", "x", "x-a", "1\r\nx-injected: yes", "x-b", "2"),
            "/spoof", FunctionResponseTest.answer("200", "x", "fn-request-id", "spoof"),
            "/upgrade", FunctionResponseTest.answer("200", "x", "upgrade", "websocket", "connection", "upgrade"));

    /** A path under this prefix is answered from a worker thread, as the runtime answers calls. */
    private static final String WORKER = "/worker";

    private Undertow server;
    private KeepAliveClient client;

    @BeforeEach
    void start() throws Exception {
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> {
                    if (!exchange.getRequestPath().startsWith(WORKER)) {
                        ANSWERS.get(exchange.getRequestPath()).send(exchange);
                        return;
                    }
                    // The runtime's way: a worker thread, blocking streams, the body read first.
                    exchange.dispatch(worker -> {
                        worker.startBlocking();
                        worker.getInputStream().readAllBytes();
                        ANSWERS.get(worker.getRequestPath().substring(WORKER.length()))
                                .send(worker);
                    });
                })
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        client = KeepAliveClient.connect("127.0.0.1", port, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    @Test
    void connectionHeadersLeaveTheConnectionOpen() throws Exception {
        KeepAliveClient.Response closing = get("/close");
        assertThat(closing.text()).isEqualTo("bye");
        assertThat(closing.headers("connection")).as("Undertow's own").containsExactly("keep-alive");
        assertThat(closing.header("keep-alive")).isNull();
        assertThatTheNextRequestIsAnswered();

        KeepAliveClient.Response upgrade = get("/upgrade");
        assertThat(upgrade.header("upgrade")).isNull();
        assertThatTheNextRequestIsAnswered();
    }

    @Test
    void theRuntimeFramesTheBodyWhateverLengthTheFunctionClaims() throws Exception {
        KeepAliveClient.Response chunked = get("/chunked");
        assertThat(chunked.text()).isEqualTo("plain");
        assertThat(chunked.header("transfer-encoding")).isNull();
        assertThat(chunked.header("content-length")).isEqualTo("5");
        assertThatTheNextRequestIsAnswered();

        assertThat(get("/long").headers("content-length")).containsExactly("5");
        assertThatTheNextRequestIsAnswered();
        assertThat(get("/short").text()).isEqualTo("hello");
        assertThatTheNextRequestIsAnswered();
    }

    @Test
    void statusesWithoutContentSendNoBody() throws Exception {
        KeepAliveClient.Response noContent = get("/no-content");
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.header("content-length")).isNull();
        assertThatTheNextRequestIsAnswered();

        assertThat(get("/not-modified").status()).isEqualTo(304);
        assertThatTheNextRequestIsAnswered();
    }

    @Test
    void aHeadRequestGetsTheLengthWithoutTheBody() throws Exception {
        KeepAliveClient.Response head = client.send("HEAD", "/long", Map.of(), "");
        assertThat(head.headers("content-length")).containsExactly("5");
        assertThatTheNextRequestIsAnswered();
    }

    @Test
    void headersCannotBeInjectedOrSpoofed() throws Exception {
        KeepAliveClient.Response injected = get("/injected");
        assertThat(injected.header("x-injected")).isNull();
        assertThat(injected.header("x-a")).isNull();
        assertThat(injected.header("x-b")).isEqualTo("2");
        assertThatTheNextRequestIsAnswered();

        assertThat(get("/spoof").header("fn-request-id")).isNull();
    }

    @Test
    void answersSentFromAWorkerKeepTheConnectionServing() throws Exception {
        for (int i = 0; i < 200; i++) {
            KeepAliveClient.Response answer = client.send("POST", WORKER + "/ok", Map.of(), "input " + i);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("ok");
        }
        assertThat(get(WORKER + "/chunked").header("content-length")).isEqualTo("5");
        KeepAliveClient.Response noContent = get(WORKER + "/no-content");
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.header("content-length")).isNull();
        assertThat(get(WORKER + "/not-modified").status()).isEqualTo(304);
        assertThat(client.send("HEAD", WORKER + "/long", Map.of(), "").headers("content-length"))
                .containsExactly("5");
        assertThatTheNextRequestIsAnswered();
    }

    private KeepAliveClient.Response get(String path) throws Exception {
        return client.send("GET", path, Map.of(), "");
    }

    private void assertThatTheNextRequestIsAnswered() throws Exception {
        KeepAliveClient.Response next = get("/ok");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.text()).isEqualTo("ok");
    }
}
