package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fn4j.runtime.instance.Ids;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads that leave out the layers the engine has: {@code POST /v1/images/reusable-layers}
 * counts them, an archive without their files loads, and one that leaves out a layer the engine
 * lacks gets {@code 409 layers_missing} without spoiling the full upload that follows.
 */
class ImagesIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MADE_UP = "sha256:" + "0123456789abcdef".repeat(4);
    /** The tags this class loaded images under, removed at its end. */
    private static final List<String> TAGS = new CopyOnWriteArrayList<>();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @TempDir
    Path dir;

    /** The test functions' archive: its layer files by name, their order, and its config. */
    private record ImageTar(Map<String, byte[]> layers, List<String> layerFiles, byte[] config) {
        List<String> diffIds() throws IOException {
            return texts(JSON.readTree(config).get("rootfs").get("diff_ids"));
        }
    }

    @AfterAll
    static void removeTheImagesLoadedHere() throws Exception {
        for (String tag : TAGS) {
            new ProcessBuilder("docker", "rmi", tag)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        }
    }

    @Test
    void reusableLayersCountsTheLeadingLayersTheEngineHasAsThatChain() throws Exception {
        List<String> diffIds = testImage().diffIds();
        assertThat(reusable(diffIds)).isEqualTo(diffIds.size());
        assertThat(reusable(plus(diffIds, MADE_UP))).isEqualTo(diffIds.size());
        assertThat(reusable(plus(List.of(MADE_UP), diffIds.toArray(String[]::new))))
                .isZero();
    }

    @Test
    void anArchiveWithoutTheReusableLayerFilesLoadsAsTheSameImage() throws Exception {
        ImageTar test = testImage();
        String tag = tag("trimmed");
        Reply reply = upload(archive(test.config(), test.layerFiles(), Map.of(), tag));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().get("id").asText()).isEqualTo(image);
        assertThat(texts(reply.json().get("tags"))).contains(tag);
    }

    @Test
    void anArchiveWithOnlyTheLayersTheEngineLacksLoads() throws Exception {
        ImageTar test = testImage();
        byte[] layer = layerTar();
        byte[] config = withLayer(test.config(), layer);
        List<String> diffIds = plus(test.diffIds(), sha256(layer));
        assertThat(reusable(diffIds)).isEqualTo(diffIds.size() - 1);

        Reply reply =
                upload(archive(config, plus(test.layerFiles(), "new.tar"), Map.of("new.tar", layer), tag("extended")));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().get("id").asText()).isEqualTo(sha256(config));
        assertThat(reusable(diffIds)).isEqualTo(diffIds.size());
    }

    @Test
    void anArchiveLeavingOutALayerTheEngineLacksGets409AndTheFullArchiveThenLoads() throws Exception {
        ImageTar test = testImage();
        byte[] layer = layerTar();
        byte[] config = withLayer(test.config(), layer);
        List<String> layerFiles = plus(test.layerFiles(), "new.tar");
        String tag = tag("retried");

        Reply missing = upload(archive(config, layerFiles, Map.of(), tag));

        assertThat(missing.status()).as("%s", missing).isEqualTo(409);
        assertThat(missing.errorCode()).isEqualTo("layers_missing");
        assertThat(missing.errorMessage())
                .isEqualTo("the archive leaves out layer file 'new.tar',"
                        + " and the engine does not have that layer; upload the whole image (clients"
                        + " retry with the full archive)");
        assertThat(reusable(plus(test.diffIds(), sha256(layer))))
                .isEqualTo(test.diffIds().size());
        Map<String, byte[]> all = new LinkedHashMap<>(test.layers());
        all.put("new.tar", layer);
        Reply full = upload(archive(config, layerFiles, all, tag));
        assertThat(full.status()).as("%s", full).isEqualTo(201);
        assertThat(full.json().get("id").asText()).isEqualTo(sha256(config));
    }

    @Test
    void aMalformedQueryGets400AndOneWithoutAKey401() {
        Reply empty = runtime.send("POST", "/v1/images/reusable-layers", "{\"diffIds\": []}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("bad_request");
        assertThat(runtime.sendAs(null, "POST", "/v1/images/reusable-layers", "{\"diffIds\": [\"" + MADE_UP + "\"]}")
                        .status())
                .isEqualTo(401);
    }

    private int reusable(List<String> diffIds) throws Exception {
        Reply reply =
                runtime.send("POST", "/v1/images/reusable-layers", JSON.writeValueAsString(Map.of("diffIds", diffIds)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().get("reusable").asInt();
    }

    private Reply upload(Path archive) throws IOException {
        return runtime.send("POST", "/v1/images", HttpRequest.BodyPublishers.ofFile(archive), Map.of());
    }

    private static String tag(String what) {
        String tag = "fn4j-it/images-" + what + ":" + Ids.instanceId();
        TAGS.add(tag);
        return tag;
    }

    private static ImageTar testImage() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(TestImages.functions());
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                files.put(e.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(files.remove("manifest.json")).get(0);
        byte[] config = files.remove(manifest.get("Config").asText());
        return new ImageTar(files, texts(manifest.get("Layers")), config);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** An image archive with this config, naming these layer files and holding {@code files}. */
    private Path archive(byte[] config, List<String> layerFiles, Map<String, byte[]> files, String tag)
            throws IOException {
        ObjectNode image = JSON.createObjectNode().put("Config", "config.json");
        image.putArray("RepoTags").add(tag);
        ArrayNode layers = image.putArray("Layers");
        layerFiles.forEach(layers::add);
        Map<String, byte[]> entries = new LinkedHashMap<>(files);
        entries.put("config.json", config);
        entries.put(
                "manifest.json", JSON.writeValueAsBytes(JSON.createArrayNode().add(image)));
        Path archive = dir.resolve(Ids.instanceId() + ".tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            out.write(tar(entries));
        }
        return archive;
    }

    /** An uncompressed layer with one file no other image has. */
    private static byte[] layerTar() throws IOException {
        return tar(Map.of("fn4j-images-it.txt", Ids.instanceId().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(entry.getKey());
                e.setSize(entry.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The config with {@code layer} stacked on its layers. */
    private static byte[] withLayer(byte[] config, byte[] layer) throws IOException {
        ObjectNode extended = (ObjectNode) JSON.readTree(config);
        ((ArrayNode) extended.get("rootfs").get("diff_ids")).add(sha256(layer));
        return JSON.writeValueAsBytes(extended);
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
