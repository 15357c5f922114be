package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fn4j.client.ImageUpload;
import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The image upload against a stand-in runtime: which layers it sends, its retry, its messages. */
@ExtendWith(StubRuntimeExtension.class)
class ImageUploaderTest {

    private static final String UPLOADED = "{\"id\":\"sha256:img\",\"tags\":[],\"handlers\":[]}";
    private static final String LAYERS_MISSING =
            "{\"error\":{\"code\":\"layers_missing\",\"message\":\"the engine has no layer sha256:111…\"}}";

    @TempDir
    Path dir;

    private StubRuntime stub;
    private RuntimeConnection connection;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void start(StubRuntime stub) throws Exception {
        this.stub = stub;
        connection = RuntimeConnection.open(stub.url(), ApiKey.none("fn4j"));
    }

    private ImageUpload upload(Path archive) throws Exception {
        return new ImageUploader(connection, log).upload(archive);
    }

    private String info() {
        return log.lines.stream()
                .filter(l -> l.startsWith("[INFO] "))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void uploadsOnlyTheLayersTheRuntimeLacks() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on("POST /v1/images/reusable-layers", 200, "{\"reusable\":2}").on("POST /v1/images", 201, UPLOADED);

        ImageUpload upload = upload(archive);

        assertThat(upload.id()).isEqualTo("sha256:img");
        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /v1/images/reusable-layers", "POST /v1/images");
        assertThat(stub.received().get(0).text())
                .isEqualTo("{\"diffIds\":[\"" + String.join("\",\"", TestArchive.DIFF_IDS) + "\"]}");
        Map<String, byte[]> full = TestArchive.entries(Files.readAllBytes(archive));
        Map<String, byte[]> sent = TestArchive.entries(stub.received().get(1).body());
        assertThat(sent.keySet()).containsExactly(TestArchive.LAYERS.get(2), "config.json", "manifest.json");
        sent.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(full.get(name)));
        Path partial = dir.resolve("image-upload.tar");
        assertThat(stub.received().get(1).body()).isEqualTo(Files.readAllBytes(partial));
        assertThat(info())
                .matches("\\[INFO] Uploaded image\\.tar \\(" + Files.size(partial) / 1000
                        + " KB of " + Files.size(archive) / 1000 + " KB: 2 of 3 layers were already on the"
                        + " runtime\\) to " + stub.url() + " in \\d+ ms: image sha256:img");
    }

    @Test
    void aRuntimeWithoutTheReusableLayersCallGetsTheWholeArchive() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on("POST /v1/images", 201, UPLOADED);

        upload(archive);

        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /v1/images/reusable-layers", "POST /v1/images");
        assertThat(stub.received().get(1).body()).isEqualTo(Files.readAllBytes(archive));
        assertThat(dir.resolve("image-upload.tar")).doesNotExist();
        assertThat(info())
                .matches("\\[INFO] Uploaded image\\.tar \\(" + Files.size(archive) / 1000 + " KB\\) to " + stub.url()
                        + " in \\d+ ms: image sha256:img");
    }

    @Test
    void aLayerLostSinceTheQuestionMeansOneUploadOfTheWholeArchive() throws Exception {
        Path archive = TestArchive.write(dir);
        AtomicInteger uploads = new AtomicInteger();
        stub.on("POST /v1/images/reusable-layers", 200, "{\"reusable\":1}").on("POST /v1/images", exchange -> {
            boolean first = uploads.incrementAndGet() == 1;
            byte[] body = (first ? LAYERS_MISSING : UPLOADED).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(first ? 409 : 201, body.length);
            exchange.getResponseBody().write(body);
        });

        assertThat(upload(archive).id()).isEqualTo("sha256:img");

        assertThat(stub.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /v1/images/reusable-layers", "POST /v1/images", "POST /v1/images");
        assertThat(TestArchive.entries(stub.received().get(1).body())).doesNotContainKey(TestArchive.LAYERS.get(0));
        assertThat(stub.received().get(2).body()).isEqualTo(Files.readAllBytes(archive));
        assertThat(info()).contains("Uploaded image.tar (" + Files.size(archive) / 1000 + " KB) to ");
    }

    @Test
    void aSecondMissingLayerFailsWithoutAnotherTry() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on("POST /v1/images/reusable-layers", 200, "{\"reusable\":3}").on("POST /v1/images", 409, LAYERS_MISSING);

        assertThatThrownBy(() -> upload(archive))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not accept the image " + archive
                        + ": layers_missing: the engine has no layer sha256:111…");
        assertThat(stub.received()).hasSize(3);
        assertThat(TestArchive.entries(stub.received().get(1).body()).keySet())
                .containsExactly("config.json", "manifest.json");
    }

    @Test
    void aRejectedPartialUploadNamesTheFileSent() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on("POST /v1/images/reusable-layers", 200, "{\"reusable\":1}")
                .on("POST /v1/images", 413, "{\"error\":{\"code\":\"too_large\",\"message\":\"over 1 KB\"}}");

        Throwable failure = catchThrowable(() -> upload(archive));

        Path partial = dir.resolve("image-upload.tar");
        assertThat(failure)
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The image archive " + partial + " (" + Files.size(partial) / 1000 + " KB)"
                        + " is larger than the fn4j runtime accepts: too_large: over 1 KB. Leave out"
                        + " dependencies the function does not need, or start the runtime with a"
                        + " larger --max-image-bytes.");
        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void aFailedQuestionFailsLikeAnyRuntimeCallAndUploadsNothing() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on(
                "POST /v1/images/reusable-layers",
                503,
                "{\"error\":{\"code\":\"engine_unavailable\",\"message\":\"the Docker engine does not answer\"}}");

        assertThatThrownBy(() -> upload(archive))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("The fn4j runtime at " + stub.url() + " did not say which layers of the image " + archive
                        + " it has: engine_unavailable: the Docker engine does not answer");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aKeyWithoutTheScopeToAskIsRefusedAsAnUpload() throws Exception {
        Path archive = TestArchive.write(dir);
        stub.on(
                "POST /v1/images/reusable-layers",
                403,
                "{\"error\":{\"code\":\"forbidden\",\"message\":\"scope invoke\"}}");
        connection = RuntimeConnection.open(stub.url(), ApiKey.of("k-secret-1", "-Dfn.apiKey", "fn4j"));

        assertThatThrownBy(() -> upload(archive))
                .isInstanceOf(FnFailureException.class)
                .hasMessageStartingWith("The fn4j runtime at " + stub.url() + " refused to upload images"
                        + " (forbidden: scope invoke): the key's scope does not allow it");
    }

    @Test
    void anArchiveThatIsNotADockerArchiveFailsBeforeAnyCall() throws Exception {
        Path archive = TestArchive.write(
                dir.resolve("image.tar"), Map.of("index.json", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> upload(archive))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("Cannot read the layers of image.tar: " + archive
                        + " is not a docker-archive: it has no manifest.json");
        assertThat(stub.received()).isEmpty();
    }
}
