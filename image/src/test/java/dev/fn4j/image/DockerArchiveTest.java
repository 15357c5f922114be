package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveTest {

    private static final String BASE = "a".repeat(64) + ".tar.gz";
    private static final String HOST = "b".repeat(64) + ".tar.gz";
    private static final String CLASSES = "c".repeat(64) + ".tar.gz";
    private static final String DIFF_BASE = "sha256:" + "1".repeat(64);
    private static final String DIFF_HOST = "sha256:" + "2".repeat(64);
    private static final String DIFF_CLASSES = "sha256:" + "3".repeat(64);

    @TempDir
    Path dir;

    /** Entries in Jib's order: the layers, the config, then manifest.json. */
    private Map<String, byte[]> jibLike(List<String> files, List<String> diffIds) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Random random = new Random(11);
        for (String file : files) {
            byte[] layer = new byte[1000 + random.nextInt(3000)];
            random.nextBytes(layer);
            entries.put(file, layer);
        }
        entries.put(
                "config.json",
                ("{\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\"," + "\"diff_ids\":" + jsonList(diffIds)
                                + "}}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "manifest.json",
                ("[{\"Config\":\"config.json\",\"RepoTags\":[\"fn4j/demo:1\"]," + "\"Layers\":" + jsonList(files)
                                + "}]")
                        .getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        Path tar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(tar);
                TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(entry.getValue().length);
                out.putArchiveEntry(header);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return tar;
    }

    private static String jsonList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(", ", ",");
    }

    private Map<String, byte[]> image() {
        return jibLike(List.of(BASE, HOST, CLASSES), List.of(DIFF_BASE, DIFF_HOST, DIFF_CLASSES));
    }

    @Test
    void readsTheLayersInManifestOrderWithTheirDiffIdsAndSizes() throws Exception {
        Map<String, byte[]> entries = image();
        Path tar = write("image.tar", entries);

        DockerArchive archive = DockerArchive.read(tar);

        assertThat(archive.file()).isEqualTo(tar);
        assertThat(archive.diffIds()).containsExactly(DIFF_BASE, DIFF_HOST, DIFF_CLASSES);
        assertThat(archive.layers())
                .containsExactly(
                        new DockerArchive.Layer(BASE, DIFF_BASE, entries.get(BASE).length),
                        new DockerArchive.Layer(HOST, DIFF_HOST, entries.get(HOST).length),
                        new DockerArchive.Layer(CLASSES, DIFF_CLASSES, entries.get(CLASSES).length));
    }

    @Test
    void theCopyWithoutLeadingLayersKeepsManifestConfigAndTheLaterLayersByteForByte() throws Exception {
        Map<String, byte[]> entries = image();
        Path tar = write("image.tar", entries);
        Path trimmed = dir.resolve("image-upload.tar");

        DockerArchive.read(tar).writeWithoutLeadingLayers(2, trimmed);

        Map<String, byte[]> copied = ImageArchive.untar(Files.readAllBytes(trimmed));
        assertThat(copied.keySet()).containsExactly(CLASSES, "config.json", "manifest.json");
        copied.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(entries.get(name)));
    }

    @Test
    void leavingOutNoLayersCopiesEverythingAndLeavingOutAllKeepsOnlyManifestAndConfig() throws Exception {
        Map<String, byte[]> entries = image();
        DockerArchive archive = DockerArchive.read(write("image.tar", entries));

        archive.writeWithoutLeadingLayers(0, dir.resolve("all.tar"));
        archive.writeWithoutLeadingLayers(3, dir.resolve("none.tar"));

        Map<String, byte[]> all = ImageArchive.untar(Files.readAllBytes(dir.resolve("all.tar")));
        assertThat(all.keySet()).containsExactlyElementsOf(entries.keySet());
        all.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(entries.get(name)));
        assertThat(ImageArchive.untar(Files.readAllBytes(dir.resolve("none.tar")))
                        .keySet())
                .containsExactly("config.json", "manifest.json");
    }

    @Test
    void aLayerFileThatALaterLayerUsesAgainStays() throws Exception {
        Path tar = write("image.tar", jibLike(List.of(BASE, HOST, BASE), List.of(DIFF_BASE, DIFF_HOST, DIFF_BASE)));

        DockerArchive.read(tar).writeWithoutLeadingLayers(2, dir.resolve("upload.tar"));

        assertThat(ImageArchive.untar(Files.readAllBytes(dir.resolve("upload.tar")))
                        .keySet())
                .containsExactly(BASE, "config.json", "manifest.json");
    }

    @Test
    void rejectsALayerCountTheImageDoesNotHave() throws Exception {
        DockerArchive archive = DockerArchive.read(write("image.tar", image()));
        assertThatThrownBy(() -> archive.writeWithoutLeadingLayers(4, dir.resolve("x.tar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leading must be 0 to 3 (the image's layers): 4");
        assertThatThrownBy(() -> archive.writeWithoutLeadingLayers(-1, dir.resolve("x.tar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leading must be 0 to 3 (the image's layers): -1");
    }

    @Test
    void aTarWithoutManifestIsNotADockerArchive() throws Exception {
        Path tar = write("oci.tar", Map.of("index.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> DockerArchive.read(tar))
                .isInstanceOf(IOException.class)
                .hasMessage(tar + " is not a docker-archive: it has no manifest.json");
    }

    @Test
    void aManifestAndConfigThatDisagreeSayHow() throws Exception {
        Path uneven = write("uneven.tar", jibLike(List.of(BASE, HOST), List.of(DIFF_BASE)));
        assertThatThrownBy(() -> DockerArchive.read(uneven))
                .isInstanceOf(IOException.class)
                .hasMessage(uneven + " is not a docker-archive as Jib writes it: manifest.json lists"
                        + " 2 layers but the config has 1 diff ids");

        Map<String, byte[]> entries = image();
        entries.remove(HOST);
        Path missing = write("missing.tar", entries);
        assertThatThrownBy(() -> DockerArchive.read(missing))
                .isInstanceOf(IOException.class)
                .hasMessage(missing + " is not a docker-archive as Jib writes it: manifest.json names"
                        + " the layer file " + HOST + ", which the archive does not hold");
    }
}
