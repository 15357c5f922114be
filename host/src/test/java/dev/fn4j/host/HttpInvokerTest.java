package dev.fn4j.host;

import static dev.fn4j.host.Frames.contexts;
import static dev.fn4j.host.Frames.header;
import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;
import dev.fn4j.host.testfns.BadHandlers;
import dev.fn4j.host.testfns.HttpEcho;
import dev.fn4j.protocol.Frame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpInvokerTest {

    @Test
    void requestTakesPseudoHeadersAndGroupsLowerCasedHeaders() {
        HttpRequest request = HttpInvoker.request(invoke(
                "r",
                "body",
                header(":method", "get"),
                header(":path", "/a/b"),
                header(":query", "x=1&y=2"),
                header("Accept", "text/plain"),
                header("X-Tag", "one"),
                header("x-tag", "two")));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/a/b");
        assertThat(request.query()).isEqualTo("x=1&y=2");
        assertThat(request.headers())
                .isEqualTo(Map.of("accept", List.of("text/plain"), "x-tag", List.of("one", "two")));
        assertThat(request.bodyAsString()).isEqualTo("body");
    }

    @Test
    void missingPseudoHeadersDefaultToPostRootAndEmptyQuery() {
        HttpRequest request = HttpInvoker.request(invoke("r", ""));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.query()).isEmpty();
        assertThat(request.headers()).isEmpty();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void unknownPseudoHeadersAreNotPassedToTheHandler() {
        HttpRequest request = HttpInvoker.request(invoke("r", "", header(":authority", "x")));

        assertThat(request.headers()).isEmpty();
    }

    @Test
    void responseBecomesStatusThenLowerCasedHeadersThenBody() {
        Frame frame = Invoker.forHandler(new HttpEcho(), contexts())
                .answer(
                        invoke(
                                "r1",
                                "payload",
                                header(":method", "PUT"),
                                header(":path", "/x"),
                                header("B", "2"),
                                header("a", "1")),
                        Frames.log());

        Frame.Result result = (Frame.Result) frame;
        assertThat(result.requestId()).isEqualTo("r1");
        // HttpResponse keeps no header order, so only :status has a fixed place.
        assertThat(result.headers().get(0)).isEqualTo(header(":status", "201"));
        assertThat(result.headers().subList(1, result.headers().size()))
                .containsExactlyInAnyOrder(
                        header("x-method", "PUT"),
                        header("x-path", "/x"),
                        header("x-query", ""),
                        header("x-h-a", "1"),
                        header("x-h-b", "2"));
        assertThat(text(result.body())).isEqualTo("payload");
    }

    @Test
    void responseHeaderWithSeveralValuesRepeatsTheName() {
        Invoker invoker = Invoker.forHandler(
                (dev.fn4j.api.HttpHandler) (request, context) ->
                        HttpResponse.of(200, "").withHeader("Set-Cookie", "a=1").withHeader("Set-Cookie", "b=2"),
                contexts());

        Frame.Result result = (Frame.Result) invoker.answer(invoke("r", ""), Frames.log());

        assertThat(result.headers())
                .containsExactly(header(":status", "200"), header("set-cookie", "a=1"), header("set-cookie", "b=2"));
    }

    @Test
    void nullResponseIsBadOutput() {
        Frame.PlatformError error = (Frame.PlatformError)
                Invoker.forHandler(new BadHandlers.NullHttp(), contexts()).answer(invoke("r", ""), Frames.log());

        assertThat(error.code()).isEqualTo("bad_output");
        assertThat(error.message()).isEqualTo("the HttpHandler returned null; return an HttpResponse");
        assertThat(error.fatal()).isFalse();
    }

    @Test
    void pseudoHeaderInResponseIsBadOutput() {
        Invoker invoker = Invoker.forHandler(
                (dev.fn4j.api.HttpHandler)
                        (request, context) -> HttpResponse.of(200, "").withHeader(":status", "500"),
                contexts());

        Frame.PlatformError error = (Frame.PlatformError) invoker.answer(invoke("r", ""), Frames.log());

        assertThat(error.code()).isEqualTo("bad_output");
        assertThat(error.message()).isEqualTo("the HttpResponse has an invalid header name: ':status'");
    }

    @Test
    void throwingHttpHandlerIsFunctionError() {
        Invoker invoker = Invoker.forHandler(
                (dev.fn4j.api.HttpHandler) (request, context) -> {
                    throw new UnsupportedOperationException("no " + request.method());
                },
                contexts());

        Frame.FunctionError error =
                (Frame.FunctionError) invoker.answer(invoke("r", "", header(":method", "DELETE")), Frames.log());

        assertThat(error.errorType()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(error.message()).isEqualTo("no DELETE");
    }
}
