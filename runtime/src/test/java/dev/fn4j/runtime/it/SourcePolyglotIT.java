package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Python and a Go function deployed through {@code POST /v1/functions/{name}/source} from zips
 * of PolyglotFunctionsIT's fixtures, on one runtime with the runtime's own language list, and
 * called sync, async and over the trigger; an async upload streams its steps; a compile error, an
 * unvendored requirements.txt and an archive of no known language are each 400 with their rule.
 * Timeouts and out-of-memory are PolyglotFunctionsIT's. Skips only when the images cannot be built.
 */
class SourcePolyglotIT {

    private static final Path FIXTURES = PolyglotFunctionsIT.REPO.resolve("runtime/src/test/polyglot");
    /** Image ids the runtime built, removed from the engine after the runtime stops. */
    private static final List<String> IMAGES = new ArrayList<>();

    private static RuntimeFixture runtime;

    @BeforeAll
    static void startAndUpload() throws Exception {
        assumeTrue(
                PolyglotFunctionsIT.imagesBuilt(),
                "scripts/polyglot-images.sh could not build the Python and Go images here");
        runtime = RuntimeFixture.start();
        for (String[] function : new String[][] {{"py", "python/hello", "main"}, {"go", "go/hello", "hello"}}) {
            Reply deployed = upload(function[0], zip(function[1]), "?handler=" + function[2], Map.of());
            assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
            assertThat(deployed.json().get("handler").asText()).isEqualTo(function[2]);
            assertThat(deployed.json().at("/build/state").asText()).isEqualTo("succeeded");
            assertThat(deployed.json().at("/build/steps").toString()).contains("\"image\"", "\"deploy\"");
            IMAGES.add(deployed.json().get("image").asText());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        IMAGES.forEach(TestImages::removeImage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"py", "go"})
    void anUploadedFunctionAnswersSyncAsyncAndOverTheTrigger(String name) throws Exception {
        Reply sync = runtime.invoke(name, "{\"name\":\"Ada\"}");
        assertThat(sync.status()).as("%s", sync).isEqualTo(200);
        assertThat(sync.json().path("message").asText()).isEqualTo("Hello, Ada");

        Reply accepted = runtime.send(
                "POST",
                "/v1/functions/" + name + "/invocations",
                HttpRequest.BodyPublishers.ofString("{\"name\":\"Bo\"}"),
                Map.of("Content-Type", "application/json", "Prefer", "respond-async"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        JsonNode done = AsyncInvocationContract.awaitEnd(
                runtime, accepted.json().path("id").asText(), Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.toString()).contains("Hello, Bo");

        Reply trigger = runtime.send("POST", "/fn/" + name + "/any/path", "{\"name\":\"Cy\"}");
        assertThat(trigger.status()).as("%s", trigger).isEqualTo(200);
        assertThat(trigger.json().path("message").asText()).isEqualTo("Hello, Cy");
    }

    @Test
    void anAsyncUploadStreamsItsStepsToSucceeded() throws Exception {
        Reply accepted = upload("py-async", zip("python/hello"), "", Map.of("Prefer", "respond-async"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String location = accepted.header("Location");

        List<SseClient.Event> events = SseClient.awaitBuild(runtime, location);
        List<String> names = SseClient.buildProgress(events);
        assertThat(names)
                .containsSubsequence(
                        "step receive",
                        "step unpack",
                        "step detect",
                        "step check",
                        "step image",
                        "step load",
                        "step deploy",
                        "succeeded");

        JsonNode build = runtime.send("GET", location, null).json();
        assertThat(build.get("language").asText()).isEqualTo("python");
        IMAGES.add(build.at("/deployed/image").asText());
        assertThat(runtime.invoke("py-async", "{\"name\":\"Di\"}")
                        .json()
                        .path("message")
                        .asText())
                .isEqualTo("Hello, Di");
    }

    @Test
    void aGoCompileErrorIs400WithTheCompilersMessage() throws Exception {
        Reply reply = upload("go-broken", zip("go/broken"), "", Map.of());

        assertRejected(reply, "compile_error");
        assertThat(reply.errorMessage()).contains("undefined: undefinedThing");
    }

    @Test
    void requirementsWithoutVendoredPackagesAre400() throws Exception {
        byte[] unvendored = zip(Map.of(
                "main.py", Files.readAllBytes(FIXTURES.resolve("python/hello/main.py")),
                "requirements.txt", Files.readAllBytes(FIXTURES.resolve("python/hello/requirements.txt"))));

        Reply reply = upload("py-unvendored", unvendored, "", Map.of());

        assertRejected(reply, "dependencies_not_vendored");
        assertThat(reply.errorMessage()).contains("vendor");
    }

    @Test
    void anArchiveOfNoKnownLanguageIs400ListingWhatWasLookedFor() throws Exception {
        Reply reply =
                upload("nothing", zip(Map.of("README.txt", "hello".getBytes(StandardCharsets.UTF_8))), "", Map.of());

        assertRejected(reply, "no_language");
        assertThat(reply.errorMessage()).contains("Java:", "Python:", "Go:");
    }

    private static void assertRejected(Reply reply, String rule) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.errorCode()).as("%s", reply).isEqualTo("bad_source");
        assertThat(reply.json().at("/error/rule").asText()).as("%s", reply).isEqualTo(rule);
        assertThat(runtime.send("GET", "/healthz", null).status()).isEqualTo(200);
    }

    private static Reply upload(String name, byte[] zip, String query, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/zip");
        return runtime.send(
                "POST", "/v1/functions/" + name + "/source" + query, HttpRequest.BodyPublishers.ofByteArray(zip), all);
    }

    /** A zip of one fixture directory, its files at the archive's root. */
    private static byte[] zip(String fixture) throws IOException {
        Path dir = FIXTURES.resolve(fixture);
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
