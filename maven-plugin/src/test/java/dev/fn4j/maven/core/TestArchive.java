package dev.fn4j.maven.core;

import java.io.ByteArrayInputStream;
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
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small docker-archive laid out as Jib writes it (the layers, {@code config.json},
 * {@code manifest.json}) with three layers: a base, the host and the classes.
 */
final class TestArchive {

    static final List<String> LAYERS =
            List.of("a".repeat(64) + ".tar.gz", "b".repeat(64) + ".tar.gz", "c".repeat(64) + ".tar.gz");
    static final List<String> DIFF_IDS =
            List.of("sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64), "sha256:" + "3".repeat(64));
    private static final int[] LAYER_SIZES = {30_000, 8_000, 700};

    private TestArchive() {}

    /** Writes {@code image.tar} into {@code dir}. */
    static Path write(Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < LAYERS.size(); i++) {
            byte[] layer = new byte[LAYER_SIZES[i]];
            random.nextBytes(layer);
            entries.put(LAYERS.get(i), layer);
        }
        entries.put(
                "config.json",
                ("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + String.join("\",\"", DIFF_IDS) + "\"]}}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "manifest.json",
                ("[{\"Config\":\"config.json\",\"RepoTags\":[\"fn4j/demo:1\"]," + "\"Layers\":[\""
                                + String.join("\",\"", LAYERS) + "\"]}]")
                        .getBytes(StandardCharsets.UTF_8));
        return write(dir.resolve("image.tar"), entries);
    }

    /** Writes a tar of {@code entries}, in their order. */
    static Path write(Path tar, Map<String, byte[]> entries) throws IOException {
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

    /** The entries of a tar, name to bytes, in order. */
    static Map<String, byte[]> entries(byte[] tar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
