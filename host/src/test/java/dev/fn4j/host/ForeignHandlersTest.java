package dev.fn4j.host;

import static dev.fn4j.host.Frames.header;
import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions written only against AWS Lambda's and Google Cloud Functions' published APIs (from
 * src/test/functions, compiled here against the real jars the build copies to
 * target/function-libs) run in their own class loader, which alone sees those APIs.
 */
class ForeignHandlersTest {

    @TempDir
    static Path work;

    private static FunctionClassLoader lambda;
    private static FunctionClassLoader gcf;

    @BeforeAll
    static void compileFunctions() throws Exception {
        lambda = build("lambda");
        gcf = build("gcf");
    }

    @AfterAll
    static void close() throws IOException {
        lambda.close();
        gcf.close();
    }

    /** Compiles a set of functions against its libraries; the loader sees the classes and the libraries. */
    private static FunctionClassLoader build(String set) throws IOException {
        List<Path> libraries;
        try (Stream<Path> jars = Files.list(Path.of(FakeRuntime.required("fn4j.test.libs"), set))) {
            libraries = jars.filter(path -> path.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        Path classes = Files.createDirectories(work.resolve(set));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", join(libraries)));
        try (Stream<Path> files = Files.walk(Path.of(FakeRuntime.required("fn4j.test.functions"), set))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(exit).as("javac: %s", errors).isZero();
        List<Path> path = new ArrayList<>(List.of(classes));
        path.addAll(libraries);
        return new FunctionClassLoader(path, ForeignHandlersTest.class.getClassLoader());
    }

    private static String join(List<Path> paths) {
        return String.join(":", paths.stream().map(Path::toString).toList());
    }

    private static Frame answer(FunctionClassLoader loader, String handler, Frame.Invoke invoke) {
        try {
            Object instance = HandlerLoader.load(handler, loader);
            return Invoker.forHandler(instance, Frames.contexts()).answer(invoke, Frames.log());
        } catch (StartupException e) {
            throw new AssertionError(e);
        }
    }

    private static Frame.Result result(FunctionClassLoader loader, String handler, Frame.Invoke invoke) {
        Frame frame = answer(loader, handler, invoke);
        assertThat(frame).isInstanceOf(Frame.Result.class);
        return (Frame.Result) frame;
    }

    private static Frame.Invoke trigger(String method, String path, String query, byte[] body, Frame.Header... more) {
        List<Frame.Header> headers =
                new ArrayList<>(List.of(header(":method", method), header(":path", path), header(":query", query)));
        headers.addAll(List.of(more));
        return new Frame.Invoke("r1", Frames.NOW.toEpochMilli() + 30_000, headers, body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLambdaRequestHandlerGetsItsJsonInputAndAContextOfTheCall() {
        Frame.Result result = result(lambda, "fns.Hello", invoke("r1", "{\"name\":\"Ada\"}"));

        assertThat(result.headers()).containsExactly(header("content-type", "application/json"));
        assertThat(text(result.body()))
                .isEqualTo("{\"message\":\"Hello, Ada!\",\"requestId\":\"r1\",\"function\":\"fn\","
                        + "\"version\":\"$LATEST\",\"remainingMillis\":30000,\"memoryPositive\":true}");
    }

    @Test
    void theLambdaLoggerWritesTheCallsLogLines() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            Object handler = HandlerLoader.load("fns.Hello", lambda);
            Invoker.forHandler(handler, Frames.contexts(stderr))
                    .answer(invoke("r7", "{\"name\":\"Ada\"}"), Frames.log());
        } catch (StartupException e) {
            throw new AssertionError(e);
        }

        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("2026-01-02T03:04:05Z INFO [r7] greeting Ada\n");
    }

    @Test
    void anHttpTriggerCallBecomesAnApiGatewayV1EventAndItsResponseTheHttpAnswer() {
        Frame.Result result = result(
                lambda,
                "fns.Orders",
                trigger("GET", "/orders/7", "q=x%20y&tag=a&tag=b", utf8("hi"), header("accept", "text/plain")));

        assertThat(result.headers()).startsWith(header(":status", "201"));
        assertThat(result.headers())
                .containsExactlyInAnyOrder(
                        header(":status", "201"),
                        header("x-tag", "a"),
                        header("x-tag", "b"),
                        header("content-type", "text/plain"));
        assertThat(text(result.body()))
                .isEqualTo(
                        "GET /orders/7 q=x y tags=[a, b] accept=text/plain proxy=orders/7 id=r1 body=hi base64=false");
    }

    @Test
    void aCallNotFromTheTriggerPassesItsBodyAsTheEventsJson() {
        Frame.Result result = result(
                lambda,
                "fns.Orders",
                invoke(
                        "r2",
                        "{\"httpMethod\":\"PUT\",\"path\":\"/p\",\"queryStringParameters\":{\"q\":\"1\"},"
                                + "\"multiValueQueryStringParameters\":{},\"headers\":{},\"pathParameters\":{},"
                                + "\"requestContext\":{\"requestId\":\"e1\"},\"body\":\"b\",\"isBase64Encoded\":false}"));

        assertThat(result.headers()).containsExactly(header("content-type", "application/json"));
        assertThat(text(result.body()))
                .contains("\"statusCode\":201")
                .contains("PUT /p q=1 tags=null accept=null proxy=null id=e1 body=b base64=false");
    }

    @Test
    void aLambdaThatThrowsIsAFunctionErrorWithItsOwnExceptionType() {
        Frame frame = answer(lambda, "fns.Orders", trigger("GET", "/fail", "", new byte[0]));

        assertThat(frame).isInstanceOfSatisfying(Frame.FunctionError.class, error -> {
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.message()).isEqualTo("order service down");
        });
    }

    @Test
    void anApiGatewayV2EventCarriesBinaryBodiesAsBase64AndCookiesBothWays() {
        byte[] binary = {(byte) 0xFF, 0, (byte) 0xC3, 0x28};
        Frame.Result result = result(
                lambda,
                "fns.Images",
                trigger(
                        "POST",
                        "/img",
                        "s=1",
                        binary,
                        header("cookie", "a=1; b=2"),
                        header("x-multi", "one"),
                        header("x-multi", "two")));

        assertThat(result.body()).isEqualTo(binary);
        assertThat(result.headers())
                .contains(
                        header(":status", "200"),
                        header("content-type", "application/octet-stream"),
                        header("x-seen", "POST /img s=1 [a=1, b=2] one,two"),
                        header("set-cookie", "session=abc"));
    }

    @Test
    void anyOutputWithAStatusCodeIsAProxyResponse() {
        Frame.Result result = result(lambda, "fns.Raw", trigger("POST", "/", "", utf8("tea")));

        assertThat(result.headers()).containsExactly(header(":status", "418"));
        assertThat(text(result.body())).isEqualTo("tea");
    }

    @Test
    void aBodyThatClaimsBase64ButIsNotIsBadOutput() {
        Frame frame = answer(lambda, "fns.Raw", trigger("POST", "/", "", utf8("bad")));

        assertThat(frame).isInstanceOfSatisfying(Frame.PlatformError.class, error -> {
            assertThat(error.code()).isEqualTo("bad_output");
            assertThat(error.message()).startsWith("the response's isBase64Encoded is true but its body is not base64");
        });
    }

    @Test
    void anOutputThatIsNoProxyResponseIsAnsweredOkWithItsOwnEncoding() {
        Frame.Result result = result(lambda, "fns.Text", trigger("GET", "/x", "", new byte[0]));

        assertThat(result.headers())
                .containsExactlyInAnyOrder(
                        header(":status", "200"), header("content-type", "text/plain; charset=utf-8"));
        assertThat(text(result.body())).isEqualTo("path /x");
    }

    @Test
    void aLambdaStreamHandlerReadsTheBodyAndWritesTheOutput() {
        Frame.Result result = result(lambda, "fns.Upper", invoke("r3", "shout"));

        assertThat(text(result.body())).isEqualTo("SHOUT r3");
    }

    @Test
    void aCloudFunctionsHttpFunctionGetsTheRequestAndWritesTheResponse() {
        Frame.Result result = result(
                gcf,
                "fns.Greet",
                trigger(
                        "PUT",
                        "/a/b",
                        "name=Grace",
                        utf8("payload"),
                        header("user-agent", "curl"),
                        header("content-type", "text/plain")));

        assertThat(result.headers()).startsWith(header(":status", "202"));
        assertThat(result.headers())
                .containsExactlyInAnyOrder(
                        header(":status", "202"),
                        header("content-type", "text/plain; charset=utf-8"),
                        header("x-method", "PUT"));
        assertThat(text(result.body()))
                .isEqualTo("Hello, Grace! /a/b /a/b?name=Grace agent=curl type=text/plain body=payload");
    }

    @Test
    void aTypedFunctionMapsItsBeansAsJson() {
        Frame.Result result = result(gcf, "fns.Doubler", invoke("r4", "{\"value\":21}"));

        assertThat(text(result.body())).isEqualTo("{\"value\":42}");
    }

    @Test
    void aTypedFunctionsOwnWireFormatReadsTheRequestAndWritesTheResponse() {
        Frame.Result result = result(gcf, "fns.Shout", trigger("POST", "/", "", utf8("hey")));

        assertThat(result.headers())
                .containsExactlyInAnyOrder(header(":status", "200"), header("content-type", "text/x-shout"));
        assertThat(text(result.body())).isEqualTo("HEY AS JAVA.LANG.STRING!");
    }

    @Test
    void aBackgroundFunctionGetsThePayloadAndAContextWhoseEventIdIsTheRequestId() {
        Frame.Result result = result(gcf, "fns.Audit", invoke("r5", "{\"user\":\"ada\"}"));

        assertThat(result.body()).isEmpty();
        assertThat(System.getProperty("fns.audit")).isEqualTo("r5 fn ada");
        System.clearProperty("fns.audit");
    }

    @Test
    void theHostSeesNoneOfTheseApisItself() {
        for (String api : ForeignHandlers.INTERFACES) {
            assertThatThrownBy(() -> Class.forName(api, false, ForeignHandlersTest.class.getClassLoader()))
                    .as(api)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
