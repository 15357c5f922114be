package dev.fn4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StubRuntimeExtension.class)
class RuntimeClientTest {

    private static final String DESCRIPTION = """
            {"name": "hello", "revision": 2, "image": "sha256:abc", "handler": "com.example.Hello",
             "timeout": "30s", "memory": "256m", "cpus": 1.0, "concurrency": 1, "env": {"A": "b"},
             "url": "/fn/hello", "invocationsUrl": "/v1/functions/hello/invocations",
             "createdAt": "2026-11-21T12:00:00Z", "updatedAt": "2026-11-21T12:05:00Z",
             "instances": [{"id": "i1", "revision": 2, "state": "idle",
                            "startedAt": "2026-11-21T12:05:01Z", "inFlight": 0}],
             "somethingNew": true}
            """;

    private static final String DIFF_A = "sha256:" + "a".repeat(64);
    private static final String DIFF_B = "sha256:" + "b".repeat(64);
    private static final String DIFF_C = "sha256:" + "c".repeat(64);

    private StubRuntime stub;
    private RuntimeClient client;

    @BeforeEach
    void start(StubRuntime stub) {
        this.stub = stub;
        client = RuntimeClient.builder(stub.uri()).build();
    }

    @Test
    void uploadsTheArchiveAsItIsAndReadsTheImage(@TempDir Path dir) throws Exception {
        byte[] tar = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(tar);
        Path file = Files.write(dir.resolve("image.tar"), tar);
        stub.answer(201, """
                {"id": "sha256:abc", "tags": ["fn4j/hello:1"], "handlers": ["com.example.Hello"]}""");

        ImageUpload upload = client.uploadImage(file);

        assertThat(upload)
                .isEqualTo(new ImageUpload(
                        "sha256:abc", java.util.List.of("fn4j/hello:1"), java.util.List.of("com.example.Hello")));
        assertThat(stub.last().method()).isEqualTo("POST");
        assertThat(stub.last().path()).isEqualTo("/v1/images");
        assertThat(stub.last().header("Content-Type")).isEqualTo("application/x-tar");
        assertThat(stub.last().body()).isEqualTo(tar);
    }

    @Test
    void uploadOfAMissingFileSaysWhichFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.tar");
        assertThatThrownBy(() -> client.uploadImage(missing))
                .isInstanceOf(RuntimeClientException.class)
                .hasMessage("No image archive at " + missing);
        assertThat(stub.count()).isZero();
    }

    @Test
    void asksHowManyLeadingLayersTheRuntimeHas() throws Exception {
        stub.answer(200, "{\"reusable\": 2}");

        int reusable = client.reusableLayers(java.util.List.of(DIFF_A, DIFF_B, DIFF_C));

        assertThat(reusable).isEqualTo(2);
        assertThat(stub.last().method()).isEqualTo("POST");
        assertThat(stub.last().path()).isEqualTo("/v1/images/reusable-layers");
        assertThat(stub.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(stub.last().text())
                .isEqualTo("{\"diffIds\":[\"" + DIFF_A + "\",\"" + DIFF_B + "\",\"" + DIFF_C + "\"]}");
    }

    @Test
    void aRuntimeWithoutTheReusableLayersCallHasNone() throws Exception {
        stub.answer(404, "{\"error\": {\"code\": \"not_found\", \"message\": \"no such endpoint\"}}");
        assertThat(client.reusableLayers(java.util.List.of(DIFF_A))).isZero();
    }

    @Test
    void otherErrorsOfTheReusableLayersCallAreApiErrors() {
        stub.answer(503, "{\"error\": {\"code\": \"engine_unavailable\", \"message\": \"down\"}}");
        assertThatThrownBy(() -> client.reusableLayers(java.util.List.of(DIFF_A)))
                .isInstanceOfSatisfying(
                        RuntimeApiException.class, e -> assertThat(e.code()).isEqualTo("engine_unavailable"));

        stub.answer(404, "<html>Not Found</html>", Map.of("Content-Type", "text/html"));
        assertThatThrownBy(() -> client.reusableLayers(java.util.List.of(DIFF_A)))
                .isInstanceOfSatisfying(
                        RuntimeApiException.class, e -> assertThat(e.code()).isEqualTo("http_404"));
    }

    @Test
    void aReusableCountOutsideTheLayersIsAClientError() {
        stub.answer(200, "{\"reusable\": 2}");
        assertThatThrownBy(() -> client.reusableLayers(java.util.List.of(DIFF_A)))
                .isExactlyInstanceOf(RuntimeClientException.class)
                .hasMessage("The fn4j runtime at " + stub.uri() + " answered {\"reusable\": 2} to"
                        + " POST /v1/images/reusable-layers instead of {\"reusable\": <0 to 1>}.");

        stub.answer(200, "{}");
        assertThatThrownBy(() -> client.reusableLayers(java.util.List.of(DIFF_A)))
                .isExactlyInstanceOf(RuntimeClientException.class);
    }

    @Test
    void rejectsADiffIdThatIsNotASha256BeforeCalling() {
        assertThatThrownBy(() -> client.reusableLayers(java.util.List.of(DIFF_A, "sha256:abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a diff id must be sha256:<64 hex>: sha256:abc");
        assertThat(stub.count()).isZero();
    }

    @Test
    void putSendsOnlyTheSetFieldsAndTellsCreatedFromUpdated() throws Exception {
        stub.answer(201, DESCRIPTION);
        FunctionSpec spec = FunctionSpec.of("sha256:abc")
                .withHandler("com.example.Hello")
                .with(Field.TIMEOUT, Duration.ofSeconds(10))
                .with(Field.CONCURRENCY, 4)
                .withEnv(Map.of("GREETING", "Hi"));

        FunctionDeployment created = client.putFunction("hello", spec);

        assertThat(created.created()).isTrue();
        assertThat(created.function().revision()).isEqualTo(2);
        assertThat(stub.last().method()).isEqualTo("PUT");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/hello");
        assertThat(stub.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(stub.last().text())
                .isEqualTo("{\"image\":\"sha256:abc\","
                        + "\"handler\":\"com.example.Hello\",\"env\":{\"GREETING\":\"Hi\"},"
                        + "\"timeout\":\"10s\",\"concurrency\":4}");

        stub.answer(200, DESCRIPTION);
        assertThat(client.putFunction("hello", FunctionSpec.of("sha256:abc")).created())
                .isFalse();
        assertThat(stub.last().text()).isEqualTo("{\"image\":\"sha256:abc\"}");
    }

    @Test
    void putSendsTheScalingAndProtectionSettings() throws Exception {
        stub.answer(201, DESCRIPTION);
        FunctionSpec spec = FunctionSpec.of("sha256:abc")
                .with(Field.MIN_INSTANCES, 1)
                .with(Field.MAX_INSTANCES, 5)
                .with(Field.IDLE_TIMEOUT, Duration.ofMinutes(2))
                .with(Field.MAX_QUEUE, 50)
                .with(Field.RATE_LIMIT, new RateLimit(10, 20));

        client.putFunction("hello", spec);

        assertThat(stub.last().text())
                .isEqualTo("{\"image\":\"sha256:abc\","
                        + "\"minInstances\":1,\"maxInstances\":5,\"idleTimeout\":\"2m\",\"maxQueue\":50,"
                        + "\"rateLimit\":{\"perSecond\":10,\"burst\":20}}");

        stub.answer(200, DESCRIPTION);
        client.putFunction(
                "hello",
                FunctionSpec.of("sha256:abc")
                        .with(Field.MIN_INSTANCES, 0)
                        .with(Field.MAX_QUEUE, 0)
                        .with(Field.RATE_LIMIT, new RateLimit(7, 7)));
        assertThat(stub.last().text())
                .isEqualTo("{\"image\":\"sha256:abc\","
                        + "\"minInstances\":0,\"maxQueue\":0,\"rateLimit\":{\"perSecond\":7}}");
    }

    @Test
    void putSendsPublicOnlyWhenItIsSet() throws Exception {
        stub.answer(201, DESCRIPTION);
        client.putFunction("hello", FunctionSpec.of("sha256:abc").with(Field.PUBLIC, true));
        assertThat(stub.last().text()).isEqualTo("{\"image\":\"sha256:abc\",\"public\":true}");

        stub.answer(200, DESCRIPTION);
        client.putFunction("hello", FunctionSpec.of("sha256:abc").with(Field.PUBLIC, false));
        assertThat(stub.last().text()).isEqualTo("{\"image\":\"sha256:abc\",\"public\":false}");

        stub.answer(200, DESCRIPTION);
        client.putFunction("hello", FunctionSpec.of("sha256:abc"));
        assertThat(stub.last().text()).doesNotContain("public");
    }

    @Test
    void describesWhetherAFunctionIsPublicAndTakesAbsenceAsNot() throws Exception {
        stub.answer(200, DESCRIPTION.replace("\"url\": \"/fn/hello\",", "\"url\": \"/fn/hello\", \"public\": true,"));
        assertThat(client.getFunction("hello").publicTrigger()).isTrue();

        stub.answer(200, DESCRIPTION.replace("\"url\": \"/fn/hello\",", "\"url\": \"/fn/hello\", \"public\": false,"));
        assertThat(client.getFunction("hello").publicTrigger()).isFalse();

        stub.answer(200, DESCRIPTION);
        assertThat(client.getFunction("hello").publicTrigger()).isFalse();
    }

    @Test
    void describesAFailedFunctionWithItsErrorAndDescription() throws Exception {
        stub.answer(
                200,
                DESCRIPTION.replace(
                        "\"url\": \"/fn/hello\",",
                        "\"url\": \"/fn/hello\", \"description\": \"Greets\", \"status\": \"failed\","
                                + " \"error\": {\"code\": \"handler_failed\", \"message\": \"cannot start\\nat X\"},"));

        FunctionDescription fn = client.getFunction("hello");

        assertThat(fn.failed()).isTrue();
        assertThat(fn.status()).isEqualTo("failed");
        assertThat(fn.error()).isEqualTo(new FunctionDescription.Failure("handler_failed", "cannot start\nat X"));
        assertThat(fn.description()).isEqualTo("Greets");
    }

    @Test
    void aRuntimeThatSaysNoStatusDescribesAnActiveFunction() throws Exception {
        stub.answer(200, DESCRIPTION);

        FunctionDescription fn = client.getFunction("hello");

        assertThat(fn.status()).isEqualTo("active");
        assertThat(fn.failed()).isFalse();
        assertThat(fn.error()).isNull();
        assertThat(fn.description()).isNull();
    }

    @Test
    void describesAFunction() throws Exception {
        stub.answer(200, DESCRIPTION);

        FunctionDescription fn = client.getFunction("hello");

        assertThat(stub.last().method()).isEqualTo("GET");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/hello");
        assertThat(fn.name()).isEqualTo("hello");
        assertThat(fn.handler()).isEqualTo("com.example.Hello");
        assertThat(fn.cpus()).isEqualTo(1.0);
        assertThat(fn.env()).containsEntry("A", "b");
        assertThat(fn.url()).isEqualTo("/fn/hello");
        assertThat(fn.instances())
                .singleElement()
                .isEqualTo(new FunctionDescription.Instance("i1", 2, "idle", "2026-11-21T12:05:01Z", 0));
    }

    @Test
    void listsFunctions() throws Exception {
        stub.answer(200, "{\"functions\": [" + DESCRIPTION + "," + DESCRIPTION + "]}");
        assertThat(client.listFunctions()).hasSize(2).allMatch(f -> f.name().equals("hello"));
        assertThat(stub.last().path()).isEqualTo("/v1/functions");

        stub.answer(200, "{\"functions\": []}");
        assertThat(client.listFunctions()).isEmpty();
    }

    @Test
    void deletesAFunction() throws Exception {
        stub.answer(204, "", Map.of());
        client.deleteFunction("hello");
        assertThat(stub.last().method()).isEqualTo("DELETE");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/hello");
    }

    @Test
    void invokesAndKeepsTheAnswerAsItCame() throws Exception {
        stub.answer(
                200,
                "{\"message\":\"Hello, Ada!\"}",
                Map.of("Content-Type", "application/json", "Fn-Request-Id", "r-42", "Fn-Cold-Start", "true"));

        InvocationResponse answer =
                client.invoke("hello", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(stub.last().method()).isEqualTo("POST");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/hello/invocations");
        assertThat(stub.last().text()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(stub.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bodyAsString()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.requestId()).isEqualTo("r-42");
        assertThat(answer.coldStart()).isTrue();
    }

    @Test
    void aWarmInvocationWithAnEmptyAnswer() throws Exception {
        stub.answer(200, "", Map.of("Fn-Cold-Start", "false"));
        InvocationResponse answer = client.invoke("hello", new byte[0], null);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.coldStart()).isFalse();
        assertThat(answer.contentType()).isNull();
        assertThat(stub.last().header("Content-Type")).isNull();
    }

    @Test
    void aFunctionErrorCarriesCodeMessageAndType() {
        stub.answer(500, """
                {"error": {"code": "function_error", "message": "java.lang.IllegalStateException: boom",
                           "errorType": "java.lang.IllegalStateException", "stackTrace": "at X.y(X.java:1)"}}""");

        assertThatThrownBy(() -> client.invoke("hello", new byte[0], null))
                .isInstanceOfSatisfying(RuntimeApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("function_error");
                    assertThat(e.errorMessage()).isEqualTo("java.lang.IllegalStateException: boom");
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(e.stackTrace()).isEqualTo("at X.y(X.java:1)");
                    assertThat(e.requestId()).isEqualTo("req-1");
                })
                .hasMessage("function_error: java.lang.IllegalStateException: boom (HTTP 500)");
    }

    @Test
    void anUnknownFunctionIsAnApiErrorWithoutType() {
        stub.answer(404, """
                {"error": {"code": "function_not_found", "message": "no function named 'hello'; deploy it with mvn fn:deploy"}}""");

        assertThatThrownBy(() -> client.getFunction("hello")).isInstanceOfSatisfying(RuntimeApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("function_not_found");
            assertThat(e.errorMessage()).isEqualTo("no function named 'hello'; deploy it with mvn fn:deploy");
            assertThat(e.errorType()).isNull();
        });
    }

    @Test
    void aRateLimitKeepsRetryAfter() {
        stub.answer(
                429,
                "{\"error\": {\"code\": \"rate_limited\", \"message\": \"slow down\"}}",
                Map.of("Retry-After", "2"));
        assertThatThrownBy(() -> client.invoke("hello", new byte[0], null))
                .isInstanceOfSatisfying(
                        RuntimeApiException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo("2"));
    }

    @Test
    void anErrorThatIsNotTheRuntimesJsonKeepsTheStatusAndText() {
        stub.answer(502, "<html>Bad Gateway</html>", Map.of("Content-Type", "text/html"));
        assertThatThrownBy(() -> client.listFunctions()).isInstanceOfSatisfying(RuntimeApiException.class, e -> {
            assertThat(e.code()).isEqualTo("http_502");
            assertThat(e.errorMessage()).isEqualTo("<html>Bad Gateway</html>");
        });

        stub.answer(503, "", Map.of());
        assertThatThrownBy(() -> client.listFunctions())
                .isInstanceOfSatisfying(
                        RuntimeApiException.class,
                        e -> assertThat(e.errorMessage()).isEqualTo("the runtime answered HTTP 503 without a body"));
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsAClientError() {
        stub.answer(200, "not json", Map.of());
        assertThatThrownBy(() -> client.getFunction("hello"))
                .isExactlyInstanceOf(RuntimeClientException.class)
                .hasMessageStartingWith("Cannot read the fn4j runtime's answer to GET " + stub.uri()
                        + "/v1/functions/hello (HTTP 200): ");
    }

    @Test
    void sendsTheApiKeyAsBearerToken() throws Exception {
        stub.answer(200, "{\"functions\": []}");
        RuntimeClient.builder(stub.uri()).apiKey("s3cret").build().listFunctions();
        assertThat(stub.last().header("Authorization")).isEqualTo("Bearer s3cret");

        client.listFunctions();
        assertThat(stub.last().header("Authorization")).isNull();
    }

    @Test
    void keepsAPathPrefixOfTheBaseUri() throws Exception {
        stub.answer(200, DESCRIPTION);
        RuntimeClient prefixed =
                RuntimeClient.builder(URI.create(stub.uri() + "/fn4j")).build();
        prefixed.getFunction("hello");
        assertThat(stub.last().path()).isEqualTo("/fn4j/v1/functions/hello");
        assertThat(prefixed.functionUrl("hello")).isEqualTo(URI.create(stub.uri() + "/fn4j/fn/hello"));
        assertThat(client.functionUrl("hello")).isEqualTo(URI.create(stub.uri() + "/fn/hello"));
    }

    @Test
    void encodesNamesSoTheyCannotChangeThePath() throws Exception {
        stub.answer(200, DESCRIPTION);
        client.getFunction("../images x");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/..%2Fimages%20x");
        client.getFunction("..");
        assertThat(stub.last().path()).isEqualTo("/v1/functions/%2E%2E");
    }

    @Test
    void readsHealthUpAndDown() throws Exception {
        stub.answer(200, "{\"status\": \"ok\", \"engine\": \"up\", \"runtimeId\": \"r1\"}");
        assertThat(client.health().isUp()).isTrue();
        stub.answer(503, "{\"status\": \"ok\", \"engine\": \"down\", \"runtimeId\": \"r1\"}");
        assertThat(client.health()).isEqualTo(new RuntimeHealth("ok", "down", "r1"));
        assertThat(client.health().isUp()).isFalse();
    }

    @Test
    void aRefusedConnectionIsUnreachableWithTheUriTried() {
        RuntimeClient nowhere =
                RuntimeClient.builder(URI.create("http://127.0.0.1:1")).build();
        assertThatThrownBy(() -> nowhere.invoke("hello", new byte[0], null))
                .isInstanceOfSatisfying(RuntimeUnreachableException.class, e -> {
                    assertThat(e.uri()).isEqualTo(URI.create("http://127.0.0.1:1"));
                    assertThat(e.reason()).isEqualTo("Connection refused");
                })
                .hasMessage("Cannot reach the fn4j runtime at http://127.0.0.1:1: Connection refused");
    }

    @Test
    void anUnknownHostIsUnreachable() {
        RuntimeClient nowhere = RuntimeClient.builder(URI.create("http://no-such-host.invalid:8080/"))
                .build();
        assertThatThrownBy(nowhere::listFunctions).isInstanceOfSatisfying(RuntimeUnreachableException.class, e -> {
            assertThat(e.uri()).isEqualTo(URI.create("http://no-such-host.invalid:8080"));
            assertThat(e.reason()).isEqualTo("Unknown host no-such-host.invalid");
        });
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        stub.answer(200, "{}").delay(2000);
        RuntimeClient impatient = RuntimeClient.builder(stub.uri())
                .requestTimeout(Duration.ofMillis(300))
                .build();
        assertThatThrownBy(impatient::listFunctions)
                .isInstanceOfSatisfying(
                        RuntimeUnreachableException.class,
                        e -> assertThat(e.reason()).isEqualTo("No answer within 300ms"));
    }

    @Test
    void rejectsABaseUriThatIsNotHttp() {
        assertThatThrownBy(() ->
                        RuntimeClient.builder(URI.create("localhost:8080")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the runtime URL must start with http:// or https://: localhost:8080");
    }
}
