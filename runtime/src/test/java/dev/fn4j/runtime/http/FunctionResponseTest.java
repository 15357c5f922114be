package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.runtime.invoke.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionResponseTest {

    @Test
    void passesTheStatusBodyAndTheFunctionsOwnHeadersInOrder() {
        FunctionResponse response = answer(
                "201",
                "hello",
                "x-echo",
                "yes",
                "set-cookie",
                "a=1",
                "content-type",
                "text/plain",
                "set-cookie",
                "b=2");

        assertThat(response.status()).isEqualTo(201);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.headers())
                .containsExactly(
                        new Frame.Header("x-echo", "yes"),
                        new Frame.Header("set-cookie", "a=1"),
                        new Frame.Header("content-type", "text/plain"),
                        new Frame.Header("set-cookie", "b=2"));
        assertThat(response.dropped()).isEmpty();
    }

    @Test
    void dropsEveryHopByHopHeader() {
        List<String> pairs = new ArrayList<>();
        for (String name : FunctionResponse.HOP_BY_HOP) {
            pairs.add(name);
            pairs.add("x");
        }
        FunctionResponse response = answer("200", "", pairs.toArray(String[]::new));

        assertThat(response.headers()).isEmpty();
        assertThat(response.dropped()).containsExactlyInAnyOrderElementsOf(FunctionResponse.HOP_BY_HOP);
        assertThat(FunctionResponse.HOP_BY_HOP)
                .contains(
                        "connection",
                        "keep-alive",
                        "proxy-connection",
                        "transfer-encoding",
                        "te",
                        "trailer",
                        "upgrade",
                        "proxy-authenticate",
                        "proxy-authorization");
    }

    @Test
    void dropsTheHeadersAConnectionHeaderNames() {
        FunctionResponse response = answer("200", "", "connection", "close, X-Hop", "x-hop", "1", "x-end", "2");

        assertThat(response.headers()).containsExactly(new Frame.Header("x-end", "2"));
        assertThat(response.dropped()).containsExactly("connection", "x-hop");
    }

    @Test
    void dropsThePlatformsOwnHeaders() {
        FunctionResponse response =
                answer("200", "", "fn-request-id", "spoof", "fn-cold-start", "false", "fn-anything", "x");

        assertThat(response.headers()).isEmpty();
        assertThat(response.dropped()).containsExactly("fn-request-id", "fn-cold-start", "fn-anything");
    }

    @Test
    void dropsContentLengthAndReportsOnlyOneThatDisagreesWithTheBody() {
        assertThat(answer("200", "hello", "content-length", "5").headers()).isEmpty();
        assertThat(answer("200", "hello", "content-length", "5").dropped()).isEmpty();
        assertThat(answer("200", "hello", "content-length", "50").dropped()).containsExactly("content-length");
    }

    @Test
    void dropsHeadersThatAreNotValidHttp() {
        FunctionResponse response = answer(
                "200",
                "",
                "x-injected",
                "1\r\nset-cookie: admin=1",
                "x-lf",
                "a\nb",
                "x-nul",
                "a\0b",
                "x-wide",
                "a\u010ab",
                "bad name",
                "x",
                "x:colon",
                "x",
                "x-fine",
                "tab\tand caf\u00e9");

        assertThat(response.headers()).containsExactly(new Frame.Header("x-fine", "tab\tand caf\u00e9"));
        assertThat(response.dropped()).containsExactly("x-injected", "x-lf", "x-nul", "x-wide", "bad name", "x:colon");
    }

    @Test
    void keepsTheFirstContentTypeOnly() {
        FunctionResponse response = answer("200", "", "content-type", "text/plain", "content-type", "text/html");

        assertThat(response.headers()).containsExactly(new Frame.Header("content-type", "text/plain"));
        assertThat(response.dropped()).containsExactly("content-type");
    }

    @Test
    void statusesWithoutContentLoseTheBody() {
        for (String status : List.of("204", "205", "304")) {
            FunctionResponse response = answer(status, "oops");
            assertThat(response.status()).isEqualTo(Integer.parseInt(status));
            assertThat(response.body()).as(status).isEmpty();
        }
        assertThat(answer("200", "ok").body()).hasSize(2);
    }

    @Test
    void aPlainHandlersAnswerIs200() {
        InvocationResult result = new InvocationResult(
                false,
                "instance",
                List.of(new Frame.Header("content-type", "application/json")),
                new byte[] {'1'},
                Duration.ZERO);

        assertThat(FunctionResponse.of(result).status()).isEqualTo(200);
    }

    @Test
    void theRequestPassesOnAllButHopByHopFramingAndHost() {
        assertThat(FunctionResponse.passedToFunction("x-test")).isTrue();
        assertThat(FunctionResponse.passedToFunction("content-type")).isTrue();
        for (String name : List.of("connection", "transfer-encoding", "upgrade", "content-length", "host")) {
            assertThat(FunctionResponse.passedToFunction(name)).as(name).isFalse();
        }
    }

    /** A function's answer: status, body, then header name and value pairs. */
    static FunctionResponse answer(String status, String body, String... pairs) {
        List<Frame.Header> headers = new ArrayList<>();
        headers.add(new Frame.Header(Protocol.STATUS, status));
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(new Frame.Header(pairs[i], pairs[i + 1]));
        }
        return FunctionResponse.of(
                new InvocationResult(false, "instance", headers, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO));
    }
}
