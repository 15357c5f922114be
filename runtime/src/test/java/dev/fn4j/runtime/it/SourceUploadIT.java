package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Greeter;
import dev.fn4j.runtime.it.fns.HttpEcho;
import dev.fn4j.runtime.it.fns.MemoryHog;
import dev.fn4j.runtime.it.fns.Sleeper;
import dev.fn4j.runtime.it.lambda.Orders;
import dev.fn4j.runtime.source.SafeUnzipTest;
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
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Deploying by upload on a real runtime and real Docker: a jar built here from the test
 * functions' classes, as {@code mvn package} makes one, is built on the runtime with jib-core and
 * called; a Gradle-shaped zip (application jar, its jars under lib/, a manifest) too; and every
 * hostile archive is refused over HTTP while the runtime stays healthy and keeps no build directory.
 */
class SourceUploadIT {

    private static RuntimeFixture runtime;
    /** Image ids the runtime built, removed from the engine after the runtime stops. */
    private static final List<String> IMAGES = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        SafeUnzipTestLimits limits = SafeUnzipTestLimits.of();
        runtime = RuntimeFixture.start(
                "--source-base-image", "docker://" + TestImages.baseImage(),
                "--max-source-bytes", Long.toString(SafeUnzipTest.LIMITS.maxUploadBytes()),
                "--max-source-unpacked-bytes", Long.toString(limits.unpacked()),
                "--max-source-entries", Integer.toString(limits.entries()),
                "--max-source-ratio", Integer.toString(limits.ratio()),
                "--max-source-depth", Integer.toString(limits.depth()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        IMAGES.forEach(TestImages::removeImage);
    }

    /** The unit test's limits, so its hostile table breaks the same rules here. */
    private record SafeUnzipTestLimits(long unpacked, int entries, int ratio, int depth) {
        static SafeUnzipTestLimits of() {
            var l = SafeUnzipTest.LIMITS;
            return new SafeUnzipTestLimits(l.maxUnpackedBytes(), l.maxEntries(), l.maxRatio(), l.maxDepth());
        }
    }

    @Test
    void everyHostileArchiveIs400WithItsRuleAndEntryAndTheRuntimeStaysHealthy() throws Exception {
        List<Arguments> table = SafeUnzipTest.hostile().toList();
        for (Arguments row : table) {
            Object[] args = row.get();
            Reply reply = upload("hostile", (byte[]) args[1], "", Map.of("Content-Type", "application/zip"));

            assertThat(reply.status()).as("%s: %s", args[0], reply).isEqualTo(400);
            assertThat(reply.errorCode()).as("%s", args[0]).isEqualTo("bad_archive");
            JsonNode error = reply.json().get("error");
            assertThat(error.path("rule").asText()).as("%s", args[0]).isEqualTo(args[2]);
            assertThat(
                            error.path("entry").isMissingNode()
                                    ? null
                                    : error.get("entry").asText())
                    .as("%s", args[0])
                    .isEqualTo(args[3]);
        }
        assertThat(runtime.send("GET", "/v1/functions/hostile", null).status()).isEqualTo(404);
        assertThat(runtime.send("GET", "/healthz", null).status()).isEqualTo(200);
        assertNoBuildDirectories();
        try (Stream<Path> files = Files.walk(runtime.dataDir())) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("x")).toList())
                    .as("what ../../x would have written")
                    .isEmpty();
        }
    }

    @Test
    void aBodyOverTheLimitIs413AndANonArchiveTypeIs400() throws Exception {
        Reply tooBig = upload(
                "big",
                new byte[(int) SafeUnzipTest.LIMITS.maxUploadBytes() + 1],
                "",
                Map.of("Content-Type", "application/zip"));
        assertThat(tooBig.status()).as("%s", tooBig).isEqualTo(413);
        assertThat(tooBig.errorCode()).isEqualTo("payload_too_large");

        Reply notAnArchive = upload("big", new byte[10], "", Map.of("Content-Type", "text/plain"));
        assertThat(notAnArchive.status()).as("%s", notAnArchive).isEqualTo(400);
        assertThat(notAnArchive.errorMessage()).contains("application/zip");
        assertNoBuildDirectories();
    }

    @Test
    void aJarWithoutAHandlerIs400ListingTheHandlers() throws Exception {
        Reply reply = upload("nameless", functionsJar(), "", Map.of("Content-Type", "application/java-archive"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("bad_source");
        assertThat(reply.json().get("error").get("rule").asText()).isEqualTo("ambiguous_handler");
        assertThat(reply.errorMessage()).contains(Greeter.class.getName(), Sleeper.class.getName());
        assertNoBuildDirectories();
    }

    @Test
    void aPackagedJarDeploysByUploadAndAnswersSyncAsyncAndTimesOut() throws Exception {
        Reply deployed = upload(
                "greeter-up",
                functionsJar(),
                "?handler=" + Greeter.class.getName() + "&concurrency=1&env.GREETING=Hi",
                Map.of("Content-Type", "application/java-archive"));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
        assertThat(deployed.json().get("revision").asLong()).isEqualTo(1);
        assertThat(deployed.json().get("handler").asText()).isEqualTo(Greeter.class.getName());
        assertThat(deployed.json().at("/build/state").asText()).isEqualTo("succeeded");
        assertThat(deployed.json().at("/build/steps").toString()).contains("\"image\"", "\"deploy\"");
        System.out.println("[source-build] cold " + deployed.json().at("/build/steps"));
        remember(deployed);

        Reply sync = runtime.invoke("greeter-up", "{\"name\":\"Ada\"}");
        assertThat(sync.status()).as("%s", sync).isEqualTo(200);
        assertThat(sync.json().get("message").asText()).isEqualTo("Hi, Ada!");

        Reply accepted = runtime.send(
                "POST",
                "/v1/functions/greeter-up/invocations",
                HttpRequest.BodyPublishers.ofString("{\"name\":\"Grace\"}"),
                Map.of("Prefer", "respond-async"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String location = accepted.header("Location");
        Await.until(
                "the async call ends",
                Duration.ofSeconds(60),
                () -> runtime.send("GET", location, null)
                        .json()
                        .get("status")
                        .asText()
                        .equals("succeeded"));
        assertThat(runtime.send("GET", location, null).body()).contains("Hi, Grace!");

        Reply again = upload(
                "greeter-up",
                functionsJar(),
                "?handler=" + Greeter.class.getName(),
                Map.of("Content-Type", "application/octet-stream"));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().get("revision").asLong()).isEqualTo(2);
        System.out.println("[source-build] cached " + again.json().at("/build/steps"));
        remember(again);

        Reply sleepy = upload(
                "sleeper-up",
                functionsJar(),
                "?handler=" + Sleeper.class.getName() + "&timeout=1s",
                Map.of("Content-Type", "application/java-archive"));
        assertThat(sleepy.status()).as("%s", sleepy).isEqualTo(201);
        remember(sleepy);
        assertThat(runtime.invoke("sleeper-up", "10").status()).isEqualTo(200);
        Reply timedOut = runtime.invoke("sleeper-up", "60000");
        assertThat(timedOut.status()).as("%s", timedOut).isEqualTo(504);
        assertThat(timedOut.errorCode()).isEqualTo("function_timeout");

        Reply hog = upload(
                "hog-up",
                functionsJar(),
                "?handler=" + MemoryHog.class.getName() + "&memory=128m",
                Map.of("Content-Type", "application/java-archive"));
        assertThat(hog.status()).as("%s", hog).isEqualTo(201);
        remember(hog);
        Reply oom = runtime.invoke("hog-up", "go");
        assertThat(oom.status()).as("%s", oom).isEqualTo(502);
        assertThat(oom.errorCode()).isEqualTo("out_of_memory");

        assertThat(runtime.send("GET", "/healthz", null).status()).isEqualTo(200);
        assertNoBuildDirectories();
    }

    @Test
    void aMultipartUploadServesTheHttpTrigger() throws Exception {
        String boundary = "fn4j" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"handler\"\r\n\r\n"
                        + HttpEcho.class.getName() + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"functions.jar\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(functionsJar());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        Reply deployed = upload(
                "echo-up", body.toByteArray(), "", Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(201);
        remember(deployed);

        Reply reply = runtime.send("POST", "/fn/echo-up/a/b?x=1", HttpRequest.BodyPublishers.ofString("hi"), Map.of());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("POST /a/b?x=1 x-test=null authorization=null body=hi");
    }

    @Test
    void aGradleShapedZipBuildsAsynchronouslyWithItsStepsStreamed() throws Exception {
        byte[] zip = gradleZip();

        Reply accepted = runtime.send(
                "POST",
                "/v1/functions/orders-up/source",
                HttpRequest.BodyPublishers.ofByteArray(zip),
                Map.of("Content-Type", "application/zip", "Prefer", "respond-async"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).isEqualTo("/v1/builds/" + accepted.json().get("id").asText());

        List<SseClient.Event> events = SseClient.awaitBuild(runtime, location);
        List<String> names = SseClient.buildProgress(events);
        assertThat(names)
                .containsSubsequence(
                        "step receive",
                        "step unpack",
                        "step detect",
                        "step scan",
                        "step image",
                        "step load",
                        "step deploy",
                        "succeeded");
        assertThat(events.stream().filter(e -> e.event().equals("step")))
                .allSatisfy(e -> assertThat(e.json().get("millis").asLong()).isNotNegative());

        JsonNode build = runtime.send("GET", location, null).json();
        assertThat(build.get("state").asText()).isEqualTo("succeeded");
        assertThat(build.get("language").asText()).isEqualTo("java");
        assertThat(build.at("/deployed/handler").asText()).isEqualTo(Orders.class.getName());
        IMAGES.add(build.at("/deployed/image").asText());

        Reply reply = runtime.send(
                "POST", "/fn/orders-up/items/7?size=2", HttpRequest.BodyPublishers.ofString("hi"), Map.of());
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.header("x-function")).isEqualTo("orders-up");
        assertNoBuildDirectories();
    }

    private static Reply upload(String name, byte[] body, String query, Map<String, String> headers) {
        return runtime.send(
                "POST",
                "/v1/functions/" + name + "/source" + query,
                HttpRequest.BodyPublishers.ofByteArray(body),
                headers);
    }

    private static void remember(Reply deployed) {
        IMAGES.add(deployed.json().get("image").asText());
    }

    private static void assertNoBuildDirectories() throws IOException {
        Path builds = runtime.dataDir().resolve("source").resolve("builds");
        try (Stream<Path> left = Files.list(builds)) {
            assertThat(left.toList()).as("build directories left").isEmpty();
        }
    }

    /** A jar of a few test functions, as {@code mvn package} makes one: classes and a manifest. */
    private static byte[] functionsJar() throws IOException {
        return jar(
                Greeter.class,
                Greeter.Greeting.class,
                Greeter.Reply.class,
                Sleeper.class,
                MemoryHog.class,
                HttpEcho.class);
    }

    private static byte[] jar(Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                jar.write(Files.readAllBytes(Path.of("target", "test-classes", entry)));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * What Gradle's {@code jar} and a copy of the runtime class path leave: the application's jar
     * at the top, its dependencies under lib/, and the handler named in fn4j.json.
     */
    private static byte[] gradleZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "orders.jar", jar(Orders.class));
            add(
                    zip,
                    "fn4j.json",
                    ("{\"handler\": \"" + Orders.class.getName() + "\", \"concurrency\": 1}")
                            .getBytes(StandardCharsets.UTF_8));
            for (String type : List.of(
                    "com.amazonaws.services.lambda.runtime.RequestHandler",
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent")) {
                Path jar = Path.of(Class.forName(type)
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                add(zip, "lib/" + jar.getFileName(), Files.readAllBytes(jar));
            }
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
