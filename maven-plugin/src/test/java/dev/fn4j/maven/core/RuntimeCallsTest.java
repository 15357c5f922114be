package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.InvocationResponse;
import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import dev.fn4j.image.BuiltImage;
import dev.fn4j.image.HandlerInfo;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DeployService and FunctionCaller against a stand-in runtime: the calls made and the messages. */
@ExtendWith(StubRuntimeExtension.class)
class RuntimeCallsTest {

    private static final String DESCRIPTION =
            "{\"name\":\"%s\",\"revision\":%d,\"image\":\"sha256:img\"," + "\"handler\":\"%s\",\"url\":\"/fn/%s\"}";

    private StubRuntime stub;
    private RuntimeConnection client;

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        client = RuntimeConnection.open(stub.url(), ApiKey.none("fn4j"));
    }

    private static ChosenFunction function(String name, String handler, String timeout) {
        return new ChosenFunction(
                new FunctionTarget(
                        name,
                        null,
                        Setting.parameter("handler", "fn.handler"),
                        Map.of(),
                        Settings.DEFAULTS.with(Field.TIMEOUT, timeout == null ? null : Field.TIMEOUT.parse(timeout))),
                new HandlerInfo(handler, HandlerInfo.Kind.HANDLER));
    }

    private BuildResult build(Path tar, ChosenFunction... functions) {
        return new BuildResult(
                new BuiltImage("fn4j/demo:1", "sha256:d", "sha256:i", tar), List.of(functions), Duration.ofSeconds(1));
    }

    @Test
    void uploadsOnceAndDeploysEachFunction(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on(
                        "POST /v1/images",
                        201,
                        "{\"id\":\"sha256:img\",\"tags\":[],\"handlers\":[\"com.example.A\",\"com.example.B\"]}")
                .on("PUT /v1/functions/a", 201, DESCRIPTION.formatted("a", 1, "com.example.A", "a"))
                .on("PUT /v1/functions/b", 200, DESCRIPTION.formatted("b", 7, "com.example.B", "b"));

        List<DeployedFunction> deployed = new DeployService(client, GoalLog.silent())
                .deploy(build(tar, function("a", "com.example.A", "10s"), function("b", "com.example.B", null)));

        assertThat(deployed)
                .extracting(
                        DeployedFunction::name,
                        DeployedFunction::revision,
                        DeployedFunction::created,
                        DeployedFunction::url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 1L, true, URI.create(stub.url() + "/fn/a")),
                        org.assertj.core.groups.Tuple.tuple("b", 7L, false, URI.create(stub.url() + "/fn/b")));
        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "POST /v1/images/reusable-layers",
                        "POST /v1/images",
                        "PUT /v1/functions/a",
                        "PUT /v1/functions/b");
        assertThat(stub.received().get(1).body()).isEqualTo(Files.readAllBytes(tar));
        assertThat(stub.received().get(2).text())
                .isEqualTo("{\"image\":\"sha256:img\",\"handler\":\"com.example.A\",\"timeout\":\"10s\"}");
        assertThat(stub.received().get(3).text()).isEqualTo("{\"image\":\"sha256:img\",\"handler\":\"com.example.B\"}");
    }

    @Test
    void sendsTheScalingSettingsTheUserWrote(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, "{\"id\":\"sha256:img\",\"tags\":[],\"handlers\":[]}")
                .on("PUT /v1/functions/a", 201, DESCRIPTION.formatted("a", 1, "com.example.A", "a"));
        FunctionOptions options = new FunctionOptions(
                "a",
                null,
                null,
                Map.of(
                        "minInstances",
                        "1",
                        "maxInstances",
                        "4",
                        "idleTimeout",
                        "2m",
                        "maxQueue",
                        "50",
                        "rateLimit",
                        "10/s,burst=20"));
        FunctionTarget target =
                FunctionSettings.resolve(options, List.of(), "x").get(0);

        new DeployService(client, GoalLog.silent())
                .deploy(build(
                        tar, new ChosenFunction(target, new HandlerInfo("com.example.A", HandlerInfo.Kind.HANDLER))));

        assertThat(stub.received().get(2).text())
                .isEqualTo("{\"image\":\"sha256:img\","
                        + "\"handler\":\"com.example.A\",\"minInstances\":1,\"maxInstances\":4,"
                        + "\"idleTimeout\":\"2m\",\"maxQueue\":50,\"rateLimit\":{\"perSecond\":10,\"burst\":20}}");
    }

    @Test
    void deploysAPublicFunctionAndTakesTheRuntimesWordForIt(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, "{\"id\":\"sha256:img\",\"tags\":[],\"handlers\":[]}")
                .on("PUT /v1/functions/a", 201, "{\"name\":\"a\",\"revision\":1,\"public\":true}")
                .on("PUT /v1/functions/b", 201, DESCRIPTION.formatted("b", 1, "com.example.B", "b"));
        List<FunctionTarget> targets = FunctionSettings.resolve(
                FunctionOptions.empty().with(Field.PUBLIC, "true"),
                List.of(
                        new FunctionOptions("a", null, null, Map.of()),
                        new FunctionOptions("b", null, null, Map.of()).with(Field.PUBLIC, "false")),
                "x");

        List<DeployedFunction> deployed = new DeployService(client, GoalLog.silent())
                .deploy(build(
                        tar,
                        new ChosenFunction(targets.get(0), new HandlerInfo("com.example.A", HandlerInfo.Kind.HANDLER)),
                        new ChosenFunction(
                                targets.get(1), new HandlerInfo("com.example.B", HandlerInfo.Kind.HANDLER))));

        assertThat(stub.received().get(2).text())
                .isEqualTo("{\"image\":\"sha256:img\",\"handler\":\"com.example.A\",\"public\":true}");
        assertThat(stub.received().get(3).text())
                .isEqualTo("{\"image\":\"sha256:img\",\"handler\":\"com.example.B\",\"public\":false}");
        assertThat(deployed).extracting(DeployedFunction::publicTrigger).containsExactly(true, false);
    }

    @Test
    void aRejectedSpecIsTheUsersFailure(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, "{\"id\":\"sha256:img\"}")
                .on(
                        "PUT /v1/functions/a",
                        400,
                        "{\"error\":{\"code\":\"invalid_spec\",\"message\":\"cpus 64 is more than the machine's 2 cores\"}}");

        assertThatThrownBy(() -> new DeployService(client, GoalLog.silent())
                        .deploy(build(tar, function("a", "com.example.A", null))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime rejected function 'a': invalid_spec: cpus 64 is more than"
                        + " the machine's 2 cores");
    }

    @Test
    void aHandlerThatCannotStartIsTheUsersFailureWithItsCause(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, "{\"id\":\"sha256:img\"}")
                .on(
                        "PUT /v1/functions/a",
                        502,
                        "{\"error\":{\"code\":\"handler_failed\",\"message\":\"handler com.example.A:"
                                + " constructor threw java.lang.IllegalStateException: no config\\n\\tat"
                                + " com.example.A.<init>(A.java:5)\"}}");

        assertThatThrownBy(() -> new DeployService(client, GoalLog.silent())
                        .deploy(build(tar, function("a", "com.example.A", null))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime rejected function 'a': handler_failed: handler com.example.A:"
                        + " constructor threw java.lang.IllegalStateException: no config\n\tat"
                        + " com.example.A.<init>(A.java:5)");
    }

    @Test
    void aRuntimeFailureIsAnExecutionFailure(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on(
                "POST /v1/images",
                503,
                "{\"error\":{\"code\":\"engine_unavailable\",\"message\":\"the Docker engine does not answer\"}}");

        assertThatThrownBy(() -> new DeployService(client, GoalLog.silent())
                        .deploy(build(tar, function("a", "com.example.A", null))))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not accept the image " + tar
                        + ": engine_unavailable: the Docker engine does not answer");
    }

    @Test
    void aMissingKeySaysWhereToSetOne() {
        stub.on("GET /healthz", 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"missing API key\"}}");
        assertThatThrownBy(() -> new DeployService(client, GoalLog.silent()).checkReachable())
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " needs an API key, and none is set"
                        + " (unauthorized: missing API key): set one with -Dfn.apiKey, FN4J_API_KEY or"
                        + " a settings.xml <server> with id 'fn4j' (its <password>).");
    }

    @Test
    void aRefusedKeyOnUploadNamesWhereItCameFrom(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"unknown key\"}}");
        RuntimeConnection keyed = RuntimeConnection.open(stub.url(), ApiKey.of("k-secret-1", "FN4J_API_KEY", "fn4j"));
        assertThatThrownBy(() -> new DeployService(keyed, GoalLog.silent())
                        .deploy(build(tar, function("a", "com.example.A", null))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " refused the API key from FN4J_API_KEY"
                        + " (unauthorized: unknown key): set a valid key with -Dfn.apiKey, FN4J_API_KEY"
                        + " or a settings.xml <server> with id 'fn4j' (its <password>).");
    }

    @Test
    void aKeyWithoutTheScopeSaysWhatWasRefused(@TempDir Path dir) throws Exception {
        Path tar = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, "{\"id\":\"sha256:img\"}")
                .on("PUT /v1/functions/a", 403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"scope invoke\"}}");
        RuntimeConnection keyed = RuntimeConnection.open(stub.url(), ApiKey.of("k-secret-1", "-Dfn.apiKey", "fn4j"));
        assertThatThrownBy(() -> new DeployService(keyed, GoalLog.silent())
                        .deploy(build(tar, function("a", "com.example.A", null))))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " refused to deploy function 'a'"
                        + " (forbidden: scope invoke): the key's scope does not allow it (the API key"
                        + " from -Dfn.apiKey). Use a key whose scope does, set with -Dfn.apiKey,"
                        + " FN4J_API_KEY or a settings.xml <server> with id 'fn4j' (its <password>).");
    }

    @Test
    void aHealthyRuntimeIsReachable() throws Exception {
        stub.on("GET /healthz", 200, "{\"status\":\"ok\",\"engine\":\"up\",\"runtimeId\":\"r\"}");
        new DeployService(client, GoalLog.silent()).checkReachable();
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void anUnreachableRuntime() throws Exception {
        RuntimeConnection nowhere = RuntimeConnection.open("http://127.0.0.1:1", ApiKey.none("fn4j"));
        String expected = "Cannot reach the fn4j runtime at http://127.0.0.1:1 (fn.url): Connection refused."
                + " Start it with java -jar fn4j-runtime.jar, or set <url> or -Dfn.url to where it runs.";
        assertThatThrownBy(() -> new DeployService(nowhere, GoalLog.silent()).checkReachable())
                .isInstanceOf(FnExecutionException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> new FunctionCaller(nowhere).call("hello", new InvocationInput(new byte[0], null)))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage(expected);
    }

    @Test
    void invokesAndReturnsTheAnswer() throws Exception {
        stub.on(
                "POST /v1/functions/hello/invocations",
                new StubRuntime.Answer(
                        200, "{\"message\":\"Hello, Ada!\"}", Map.of("Fn-Cold-Start", "true", "Fn-Request-Id", "r1")));

        InvocationResponse answer = new FunctionCaller(client)
                .call("hello", InvocationInput.of("{\"name\":\"Ada\"}", null, null, Path.of(".")));

        assertThat(answer.bodyAsString()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(answer.coldStart()).isTrue();
        assertThat(stub.received().get(0).text()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void aFunctionErrorFailsWithCodeAndMessage() {
        stub.on(
                "POST /v1/functions/hello/invocations",
                500,
                "{\"error\":{\"code\":\"function_error\","
                        + "\"message\":\"java.lang.IllegalStateException: boom\","
                        + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":\"...\"}}");

        assertThatThrownBy(() -> new FunctionCaller(client).call("hello", new InvocationInput(new byte[0], null)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Function 'hello' failed: function_error: java.lang.IllegalStateException: boom");
    }

    @Test
    void anUnknownFunctionFails() {
        stub.on(
                "POST /v1/functions/hello/invocations",
                404,
                "{\"error\":{\"code\":\"function_not_found\","
                        + "\"message\":\"no function named 'hello'; deploy it with mvn fn:deploy\"}}");

        assertThatThrownBy(() -> new FunctionCaller(client).call("hello", new InvocationInput(new byte[0], null)))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Function 'hello' failed: function_not_found: no function named 'hello';"
                        + " deploy it with mvn fn:deploy");
    }

    @Test
    void aPlatformErrorIsAnExecutionFailure() {
        stub.on(
                "POST /v1/functions/hello/invocations",
                503,
                "{\"error\":{\"code\":\"engine_unavailable\"," + "\"message\":\"the Docker engine does not answer\"}}");

        assertThatThrownBy(() -> new FunctionCaller(client).call("hello", new InvocationInput(new byte[0], null)))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("Function 'hello' failed: engine_unavailable: the Docker engine does not answer");
    }
}
