package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer plan, the labels and the request's checks, without Docker. */
class FunctionLayersTest {

    /** {@code printf host | sha256sum}: the host jar {@link #inputs} writes. */
    private static final String SHA256_OF_HOST =
            "sha256:4740ae6347b0172c01254ff55bae5aff5199f4446e7f6d643d40185b3f475145";

    @TempDir
    Path work;

    private Path host;
    private Path classes;

    @BeforeEach
    void inputs() throws IOException {
        host = Files.writeString(work.resolve("fn4j-host-0.1.0.jar"), "host");
        classes = Files.createDirectories(work.resolve("classes/app"));
        Files.writeString(classes.resolve("Hello.class"), "not really");
        classes = classes.getParent();
    }

    private Path file(String path) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, path);
    }

    private ImageBuildRequest.Builder request() {
        return ImageBuildRequest.builder()
                .hostJar(host)
                .classesDir(classes)
                .output(ImageOutput.tar(work.resolve("out.tar"), "fn4j/test"));
    }

    @Test
    void layersGoFromRarelyToOftenChangedWithFixedTimesAndPermissions() throws IOException {
        Path resources = Files.createDirectories(work.resolve("resources"));
        Files.writeString(resources.resolve("app.properties"), "x=1");
        List<Path> dependencies = List.of(
                file("m2/lib-1.0.jar"), file("m2/wip-1.0-SNAPSHOT.jar"), file("m2/fn4j-api-0.1.0-SNAPSHOT.jar"));

        List<FileEntriesLayer> layers = FunctionLayers.of(
                request().resourcesDir(resources).dependencies(dependencies).build());

        assertThat(layers)
                .extracting(FileEntriesLayer::getName)
                .containsExactly("host", "dependencies", "snapshot dependencies", "resources", "classes");
        assertThat(paths(layers.get(0))).containsExactly("/app/host/fn4j-host.jar");
        assertThat(paths(layers.get(1))).containsExactly("/app/libs/lib-1.0.jar");
        assertThat(paths(layers.get(2))).containsExactly("/app/snapshot-libs/wip-1.0-SNAPSHOT.jar");
        assertThat(paths(layers.get(3))).contains("/app/resources/app.properties");
        assertThat(paths(layers.get(4))).contains("/app/classes/app/Hello.class");
        for (FileEntriesLayer layer : layers) {
            for (FileEntry entry : layer.getEntries()) {
                assertThat(entry.getModificationTime()).isEqualTo(FunctionLayers.MODIFICATION_TIME);
                assertThat(entry.getPermissions())
                        .isIn(FunctionLayers.FILE_PERMISSIONS, FunctionLayers.DIRECTORY_PERMISSIONS);
            }
        }
    }

    @Test
    void emptyLayersAreLeftOut() throws IOException {
        List<FileEntriesLayer> layers = FunctionLayers.of(
                request().resourcesDir(work.resolve("missing")).build());

        assertThat(layers).extracting(FileEntriesLayer::getName).containsExactly("host", "classes");
    }

    @Test
    void jarsWithTheSameFileNameBothLand() throws IOException {
        Path first = file("a/util-1.0.jar");
        Path second = file("b/util-1.0.jar");

        List<FileEntriesLayer> layers = FunctionLayers.of(
                request().dependencies(List.of(first, second, first)).build());

        assertThat(paths(layers.get(1)))
                .containsExactly("/app/libs/util-1.0.jar", "/app/libs/util-1.0-" + Files.size(second) + ".jar");
    }

    @Test
    void theRequestNamesMissingInputs() throws IOException {
        Path missing = work.resolve("nope.jar");
        assertThatThrownBy(() -> request().hostJar(missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hostJar: no such file: " + missing);
        assertThatThrownBy(() -> request().classesDir(missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classesDir: no such directory: " + missing + " (compile the project first)");
        assertThatThrownBy(() -> request().dependencies(List.of(missing)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dependencies: no such file: " + missing);
        assertThatThrownBy(() -> request().output(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("output");
    }

    @Test
    void theRequestRejectsReservedLabelsAndBadHandlerNames() {
        assertThatThrownBy(
                        () -> request().labels(Map.of("dev.fn4j.handlers", "x")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 'dev.fn4j.handlers' is set by the builder and cannot be given;"
                        + " reserved labels: [dev.fn4j.handlers, dev.fn4j.api-version, dev.fn4j.host-digest]");
        assertThatThrownBy(() -> request().handlers(List.of("a.B,c.D")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid handler class name 'a.B,c.D' in handlers [a.B,c.D];"
                        + " expected a fully qualified class name");
    }

    @Test
    void defaultsAreReproducible() {
        ImageBuildRequest request = request().build();

        assertThat(request.creationTime()).isEqualTo(java.time.Instant.EPOCH);
        assertThat(request.baseImage()).isEqualTo(BaseImage.parse(BaseImage.DEFAULT));
        assertThat(request.cacheDir()).isEmpty();
        assertThat(BuildInfo.version()).isEqualTo("0.1.0-SNAPSHOT");
    }

    private static List<String> paths(FileEntriesLayer layer) {
        return layer.getEntries().stream()
                .map(entry -> entry.getExtractionPath().toString())
                .toList();
    }

    @Test
    void theHostDigestLabelIsTheSha256OfTheHostJarsBytes() throws IOException {
        Map<String, String> labels = ImageLabels.of(request().build());

        assertThat(labels).containsEntry(ImageLayout.LABEL_HOST_DIGEST, SHA256_OF_HOST);
    }

    @Test
    void anotherHostJarGetsAnotherDigestAndTheSameJarTheSame() throws IOException {
        String first = ImageLabels.of(request().build()).get(ImageLayout.LABEL_HOST_DIGEST);
        Files.writeString(host, "host, rebuilt");
        String changed = ImageLabels.of(request().build()).get(ImageLayout.LABEL_HOST_DIGEST);

        assertThat(changed).isNotEqualTo(first).matches("sha256:[0-9a-f]{64}");
        assertThat(ImageLabels.of(request().build())).containsEntry(ImageLayout.LABEL_HOST_DIGEST, changed);
    }

    @Test
    void theBuildersLabelsJoinTheRequestsInKeyOrder() throws IOException {
        Map<String, String> labels = ImageLabels.of(request()
                .handlers(List.of("a.Hello", "b.Bye"))
                .labels(Map.of("org.example.team", "blue"))
                .build());

        assertThat(labels.keySet())
                .containsExactly(
                        ImageLayout.LABEL_API_VERSION,
                        ImageLayout.LABEL_HANDLERS,
                        ImageLayout.LABEL_HOST_DIGEST,
                        "org.example.team");
        assertThat(labels).containsEntry(ImageLayout.LABEL_HANDLERS, "a.Hello,b.Bye");
    }

    @Test
    void aRequestMayNotSetTheHostDigest() {
        assertThatThrownBy(() -> request()
                        .labels(Map.of(ImageLayout.LABEL_HOST_DIGEST, "sha256:00"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 'dev.fn4j.host-digest' is set by the builder");
    }
}
