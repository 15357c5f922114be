package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.source.BuildSteps;
import dev.fn4j.runtime.source.LanguageBuilder;
import dev.fn4j.runtime.source.SourceRejectedException;
import dev.fn4j.runtime.source.go.GoBuilder;
import dev.fn4j.runtime.source.python.PythonBuilder;
import dev.fn4j.runtime.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Python and a Go function, each built by its builder on the local base images and deployed
 * through PUT /v1/functions with the built image, called sync, async and over the trigger, and
 * killed by a timeout and by running out of memory. Skips only when the images cannot be built.
 */
class PolyglotFunctionsIT {

    /** The repository's root, where the fixtures under runtime/src/test/polyglot live. */
    static final Path REPO = repository();

    private static final List<String> IMAGES = new ArrayList<>();
    private static Path cache;
    private static RuntimeFixture runtime;

    @BeforeAll
    static void buildAndDeploy() throws Exception {
        assumeTrue(imagesBuilt(), "scripts/polyglot-images.sh could not build the Python and Go images here");
        cache = Files.createTempDirectory("fn4j-polyglot-jib-");
        String python = build(
                new PythonBuilder(PythonBuilder.DEFAULT_BASE_IMAGE, cache, PolyglotFunctionsIT::load),
                "python/hello",
                null);
        String go = build(goBuilder(), "go/hello", null);
        runtime = RuntimeFixture.start();
        String limits = "\"timeout\":\"3s\",\"memory\":\"96m\"";
        assertThat(runtime.deploy("py", python, "main", limits).status()).isEqualTo(201);
        assertThat(runtime.deploy("go", go, "hello", limits).status()).isEqualTo(201);
        // Near its limit the kernel reclaims before it kills: a slow machine needs more than 3 s.
        String roomy = "\"timeout\":\"60s\",\"memory\":\"96m\"";
        assertThat(runtime.deploy("py-oom", python, "main", roomy).status()).isEqualTo(201);
        assertThat(runtime.deploy("go-oom", go, "hello", roomy).status()).isEqualTo(201);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        for (String image : IMAGES) {
            new ProcessBuilder("docker", "rmi", "-f", image).start().waitFor(60, TimeUnit.SECONDS);
        }
        if (cache != null) {
            dev.fn4j.runtime.source.polyglot.SourceTree.delete(cache);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void aSyncCallAnswersWithTheFunctionsJson(String name) {
        Reply reply = runtime.invoke(name, "{\"name\":\"Ada\"}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("Hello, Ada");
        assertThat(reply.json().path("requestId").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void anAsyncCallSucceedsWithItsResultAndLogs(String name) throws Exception {
        Reply submitted = AsyncInvocationContract.submit(runtime, name, "{\"name\":\"Bo\"}", "application/json");
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();

        JsonNode done = AsyncInvocationContract.awaitEnd(runtime, id, Duration.ofSeconds(60));

        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.toString()).contains("Hello, Bo", "greeting Bo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void theHttpTriggerReachesTheFunction(String name) {
        Reply reply = runtime.send("POST", "/fn/" + name + "/any/path", "{\"name\":\"Cy\"}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("Hello, Cy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void aFailingFunctionGets500WithItsMessage(String name) {
        Reply reply = runtime.invoke(name, "{\"name\":\"Di\",\"mode\":\"boom\"}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("function_error");
        assertThat(reply.errorMessage()).contains("no Di");
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void aCallPastItsTimeoutGets504AndItsInstanceIsRemoved(String name) throws Exception {
        assertThat(runtime.invoke(name, "{\"name\":\"Ed\"}").status()).isEqualTo(200);

        Reply reply = runtime.invoke(name, "{\"mode\":\"sleep\",\"seconds\":60}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(504);
        assertThat(reply.errorCode()).isEqualTo("function_timeout");
        assertThat(Containers.awaitNone(runtime.runtimeId(), name)).isTrue();
        assertThat(runtime.invoke(name, "{\"name\":\"Ed\"}").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void anInstanceOverItsMemoryLimitGets502OutOfMemory(String name) {
        Reply reply = runtime.invoke(name + "-oom", "{\"mode\":\"oom\"}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(502);
        assertThat(reply.errorCode()).isEqualTo("out_of_memory");
        assertThat(runtime.invoke(name + "-oom", "{\"name\":\"Fi\"}").status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void aCompileErrorIsRefusedWithTheCompilersMessage() {
        assertThatThrownBy(() -> build(goBuilder(), "go/broken", null))
                .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("compile_error");
                    assertThat(e.getMessage()).contains("undefined: undefinedThing");
                });
    }

    private static GoBuilder goBuilder() {
        return new GoBuilder(
                GoBuilder.DEFAULT_TOOLCHAIN_IMAGE,
                GoBuilder.DEFAULT_BASE_IMAGE,
                cache,
                TestContainers.LABELS,
                PolyglotFunctionsIT::load);
    }

    private static String build(LanguageBuilder builder, String function, String handler) throws Exception {
        Path root = REPO.resolve("runtime/src/test/polyglot").resolve(function);
        assertThat(builder.recognises(root, handler))
                .as("%s recognises %s", builder.language(), function)
                .isTrue();
        String image = "fn4j-it/" + builder.language() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ":1";
        IMAGES.add(image);
        List<String> steps = new ArrayList<>();
        String id = builder.build(root, handler, image, new BuildSteps() {
            @Override
            public void ended(String step, long millis) {
                steps.add(step);
            }

            @Override
            public void output(String line) {}
        });
        assertThat(steps).contains("image");
        return id;
    }

    /** Loads a built archive into the engine as the runtime's ImageLoader does. */
    static String load(Path tar) {
        return DockerContainerEngine.fromEnvironment().loadImage(tar).id();
    }

    /** Whether the local images exist or scripts/polyglot-images.sh builds them now. */
    static boolean imagesBuilt() throws Exception {
        Process script = new ProcessBuilder(
                        "bash", REPO.resolve("scripts/polyglot-images.sh").toString())
                .inheritIO()
                .start();
        return script.waitFor(20, TimeUnit.MINUTES) && script.exitValue() == 0;
    }

    private static Path repository() {
        try {
            Path classes = Path.of(PolyglotFunctionsIT.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return classes.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
