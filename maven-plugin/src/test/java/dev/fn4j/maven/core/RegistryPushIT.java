package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.spec.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes a built function image with Jib to a real registry, Debian's docker-registry (the
 * Distribution project's server) on a loopback port over plain HTTP, and reads its manifest back
 * through the registry's HTTP API.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RegistryPushIT {

    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    @TempDir
    Path project;

    private Process registry;
    private int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startRegistry() throws Exception {
        Path binary = Path.of(System.getProperty("fn4j.test.registry", "/usr/bin/docker-registry"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(
                    binary + " is missing: apt-get install -y docker-registry (or -Dfn4j.test.registry=PATH)");
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path storage = Files.createDirectories(project.resolve("registry-data"));
        Path config = Files.writeString(
                project.resolve("registry.yml"),
                String.join(
                        "\n",
                        "version: 0.1",
                        "log:",
                        "  level: warn",
                        "storage:",
                        "  filesystem:",
                        "    rootdirectory: " + storage,
                        "http:",
                        "  addr: 127.0.0.1:" + port,
                        ""));
        registry = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("registry.log").toFile())
                .start();
        awaitRegistry();
    }

    @AfterEach
    void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroy();
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
    }

    @Test
    void deployPushesTheImageAndTheRegistryServesItsManifestByTagAndDigest() throws Exception {
        Path classes = FixtureCompiler.compile(
                project.resolve("target"),
                Map.of("com.example.Hello", FixtureCompiler.handler("com.example", "Hello")));
        Path hostJar = Files.writeString(project.resolve("fn4j-host.jar"), "host");
        BuildInputs inputs = new BuildInputs(
                project,
                classes,
                Map.of(),
                hostJar,
                "docker://" + System.getProperty("fn4j.test.baseImage", "fn4j/jre-base:17"),
                null,
                null,
                "fn4j/demo:1.0",
                project.resolve("target/fn/image.tar"),
                Map.of());
        RegistryTarget target = RegistryTarget.parse("127.0.0.1:" + port + "/fn");
        ImageService images = new ImageService(GoalLog.silent());
        FunctionTarget function = new FunctionTarget(
                "demo", "com.example.Hello", Setting.parameter("handler", "fn.handler"), Map.of(), Settings.DEFAULTS);

        BuildResult build = images.build(images.prepare(target.apply(inputs), List.of(function)));

        assertThat(build.image().tarFile()).isNull();
        assertThat(build.image().imageName()).isEqualTo("127.0.0.1:" + port + "/fn/fn4j/demo:1.0");
        assertThat(project.resolve("target/fn/image.tar")).doesNotExist();
        HttpResponse<String> byTag = manifest("fn/fn4j/demo", "1.0");
        assertThat(byTag.statusCode()).isEqualTo(200);
        assertThat(byTag.headers().firstValue("Docker-Content-Digest"))
                .hasValue(build.image().digest());
        assertThat(byTag.body())
                .contains("\"mediaType\":\"" + MANIFEST_V2 + "\"")
                .contains("\"layers\"");

        String pinned = RegistryTarget.pinned(build.image());
        assertThat(pinned)
                .isEqualTo(
                        "127.0.0.1:" + port + "/fn/fn4j/demo@" + build.image().digest());
        assertThat(manifest("fn/fn4j/demo", build.image().digest()).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> manifest(String name, String reference) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v2/" + name + "/manifests/" + reference))
                        .header("Accept", MANIFEST_V2)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Readiness, not timing: the registry answers /v2/ once it listens; the test's timeout bounds it. */
    private void awaitRegistry() throws Exception {
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                .GET()
                .build();
        while (true) {
            if (!registry.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + registry.exitValue() + ": "
                        + Files.readString(project.resolve("registry.log")));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
    }
}
