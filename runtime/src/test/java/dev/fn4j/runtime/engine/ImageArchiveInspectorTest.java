package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveInspectorTest {

    private final ImageArchiveInspector inspector = new ImageArchiveInspector();

    @TempDir
    Path dir;

    @Test
    void readsAJibDockerArchive() throws Exception {
        TestImages.Built built = TestImages.scratch(
                dir,
                "fn4j-test/inspect:1",
                ImageFormat.Docker,
                Map.of("/app/hello.txt", "hello"),
                Map.of("dev.fn4j.handlers", "com.example.Hello"));

        ImageArchive archive = inspector.inspect(built.tar());

        assertThat(archive.format()).isEqualTo(ImageArchive.Format.DOCKER_ARCHIVE);
        // The config digest is the id Docker gives the image once loaded.
        assertThat(archive.configDigest()).isEqualTo(built.imageId());
        assertThat(archive.repoTags()).containsExactly("fn4j-test/inspect:1");
        assertThat(archive.layerFiles()).singleElement().asString().endsWith(".tar.gz");
    }

    @Test
    void readsAJibOciLayout() throws Exception {
        TestImages.Built built = TestImages.scratch(
                dir, "fn4j-test/inspect:oci", ImageFormat.OCI, Map.of("/app/hello.txt", "hello"), Map.of());

        ImageArchive archive = inspector.inspect(built.tar());

        assertThat(archive.format()).isEqualTo(ImageArchive.Format.OCI_LAYOUT);
        assertThat(archive.configDigest()).isEqualTo(built.imageId());
        assertThat(archive.repoTags()).contains("fn4j-test/inspect:oci");
        assertThat(archive.layerFiles()).isEmpty();
    }

    @Test
    void readsAGzipCompressedArchive() throws Exception {
        TestImages.Built built = TestImages.scratch(
                dir, "fn4j-test/inspect:gz", ImageFormat.Docker, Map.of("/hello.txt", "hello"), Map.of());
        Path gz = TestTar.gzip(Files.readAllBytes(built.tar()), dir.resolve("image.tar.gz"));

        ImageArchive archive = inspector.inspect(gz);

        assertThat(archive.format()).isEqualTo(ImageArchive.Format.DOCKER_ARCHIVE);
        assertThat(archive.configDigest()).isEqualTo(built.imageId());
    }

    @Test
    void digestsTheConfigFileAManifestNamesWhateverItsOrderOrPrefix() throws Exception {
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}";
        Path tar = new TestTar()
                .file("./manifest.json", "[{\"Config\":\"blobs/sha256/abc\",\"Layers\":[]}]")
                .dir("./blobs/")
                .file("./blobs/sha256/abc", config)
                .write(dir.resolve("save.tar"));

        ImageArchive archive = inspector.inspect(tar);

        assertThat(archive.configDigest())
                .isEqualTo(ImageArchiveInspector.sha256(config.getBytes(StandardCharsets.UTF_8)));
        assertThat(archive.repoTags()).isEmpty();
    }

    @Test
    void listsTheManifestsLayerFilesInOrderWithoutALeadingDotSlash() throws Exception {
        Path tar = new TestTar()
                .file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"./b/layer.tar\"," + "\"a/layer.tar\"]}]")
                .file("c.json", "{}")
                .write(dir.resolve("layers.tar"));

        assertThat(inspector.inspect(tar).layerFiles()).containsExactly("b/layer.tar", "a/layer.tar");
    }

    @Test
    void rejectsGarbageAsNotAnImage() throws Exception {
        byte[] random = new byte[10_000];
        new Random(42).nextBytes(random);
        assertNotAnImage(Files.write(dir.resolve("random.bin"), random));
        assertNotAnImage(Files.writeString(dir.resolve("text.txt"), "this is not a tar\n"));
        assertNotAnImage(Files.write(dir.resolve("empty.tar"), new byte[0]));
        assertNotAnImage(Files.write(dir.resolve("zeros.tar"), new byte[4096]));
    }

    @Test
    void rejectsDamagedGzipAsNotAnImage() throws Exception {
        byte[] gz = Files.readAllBytes(
                TestTar.gzip(new TestTar().file("manifest.json", "[]").bytes(), dir.resolve("a.tar.gz")));
        assertNotAnImage(Files.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(gz, 20)));
        byte[] bad = gz.clone();
        Arrays.fill(bad, 10, bad.length, (byte) 0x55);
        assertNotAnImage(Files.write(dir.resolve("bad.tar.gz"), bad));
    }

    @Test
    void rejectsATarWithoutManifestOrIndex() throws Exception {
        Path tar = new TestTar().file("hello.txt", "hi").write(dir.resolve("plain.tar"));
        assertThatThrownBy(() -> inspector.inspect(tar))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage(ImageArchiveInspector.NOT_AN_IMAGE);
    }

    @Test
    void rejectsAnIndexWithoutOciLayoutMarker() throws Exception {
        Path tar = new TestTar().file("index.json", "{\"manifests\":[]}").write(dir.resolve("index.tar"));
        assertThatThrownBy(() -> inspector.inspect(tar)).hasMessage(ImageArchiveInspector.NOT_AN_IMAGE);
    }

    @Test
    void rejectsAManifestThatIsNotJson() throws Exception {
        Path tar = new TestTar().file("manifest.json", "nope").write(dir.resolve("bad.tar"));
        assertThatThrownBy(() -> inspector.inspect(tar))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith("manifest.json is not valid JSON");
    }

    @Test
    void rejectsAManifestWhoseConfigIsMissing() throws Exception {
        Path tar =
                new TestTar().file("manifest.json", "[{\"Config\":\"c.json\"}]").write(dir.resolve("m.tar"));
        assertThatThrownBy(() -> inspector.inspect(tar))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("manifest.json names config 'c.json', which is not in the archive");
        Path noConfig = new TestTar().file("manifest.json", "[{}]").write(dir.resolve("n.tar"));
        assertThatThrownBy(() -> inspector.inspect(noConfig))
                .hasMessage("manifest.json names no Config for its first image");
    }

    @Test
    void rejectsATruncatedArchive() throws Exception {
        TestImages.Built built = TestImages.scratch(
                dir, "fn4j-test/inspect:cut", ImageFormat.Docker, Map.of("/hello.txt", "x".repeat(5000)), Map.of());
        byte[] bytes = Files.readAllBytes(built.tar());
        Path cut = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(bytes, bytes.length / 2 + 100));
        assertNotAnImage(cut);
    }

    private void assertNotAnImage(Path file) {
        assertThatThrownBy(() -> inspector.inspect(file))
                .as(file.getFileName().toString())
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith(ImageArchiveInspector.NOT_AN_IMAGE);
    }
}
