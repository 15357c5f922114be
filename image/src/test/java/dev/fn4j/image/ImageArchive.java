package dev.fn4j.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a docker-archive tar as Jib writes it (manifest.json, config, gzipped layers) with a tiny
 * ustar reader, so the test checks the archive itself rather than trusting Jib's result object.
 */
final class ImageArchive {

    /** Entry name → bytes. */
    final Map<String, byte[]> entries;

    final Manifest manifest;
    final Config config;

    private ImageArchive(Map<String, byte[]> entries) throws IOException {
        this.entries = entries;
        this.manifest = manifest(text("manifest.json"));
        this.config = config(text(manifest.config()));
    }

    static ImageArchive read(Path tar) throws IOException {
        return new ImageArchive(untar(Files.readAllBytes(tar)));
    }

    String text(String entry) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new AssertionError("archive has no " + entry + "; it has " + entries.keySet());
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The paths inside the layer at {@code index} of the manifest's layer list (negative: from the end). */
    List<String> layerPaths(int index) throws IOException {
        List<String> layers = manifest.layers();
        String name = layers.get(index < 0 ? layers.size() + index : index);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(entries.get(name)))) {
            return new ArrayList<>(untar(in.readAllBytes()).keySet());
        }
    }

    /** A minimal ustar reader: name, size and (for long names) the ustar prefix field. */
    static Map<String, byte[]> untar(byte[] tar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int offset = 0;
        String longName = null;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            String name = field(tar, offset, 100);
            long size = Long.parseLong(
                    field(tar, offset + 124, 12).trim().isEmpty()
                            ? "0"
                            : field(tar, offset + 124, 12).trim(),
                    8);
            char type = (char) tar[offset + 156];
            String prefix = field(tar, offset + 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            byte[] data = java.util.Arrays.copyOfRange(tar, offset + 512, offset + 512 + (int) size);
            if (type == 'L') { // GNU long name: the data is the next entry's name
                longName = new String(data, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
            } else if (type == 'x') { // PAX header: "<len> path=<name>\n" records
                for (String record : new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int space = record.indexOf(' ');
                    if (space > 0 && record.startsWith("path=", space + 1)) {
                        longName = record.substring(space + 1 + "path=".length());
                    }
                }
            } else if (type != 'g') {
                entries.put(longName != null ? longName : name, data);
                longName = null;
            }
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return entries;
    }

    private static String field(byte[] tar, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && tar[i] != 0; i++) {
            out.write(tar[i]);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One manifest.json entry. */
    record Manifest(String config, List<String> repoTags, List<String> layers) {}

    /** The parts of the image config the tests look at. */
    record Config(
            List<String> entrypoint,
            List<String> cmd,
            String user,
            String workingDir,
            Map<String, String> labels,
            String created,
            List<String> diffIds) {}

    @SuppressWarnings("unchecked")
    private static Manifest manifest(String json) {
        Map<String, Object> entry = ((List<Map<String, Object>>) MiniJson.parse(json)).get(0);
        return new Manifest(
                (String) entry.get("Config"), (List<String>) entry.get("RepoTags"), (List<String>) entry.get("Layers"));
    }

    @SuppressWarnings("unchecked")
    private static Config config(String json) {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        Map<String, Object> config = (Map<String, Object>) root.get("config");
        Map<String, Object> rootfs = (Map<String, Object>) root.get("rootfs");
        return new Config(
                (List<String>) config.get("Entrypoint"),
                (List<String>) config.get("Cmd"),
                (String) config.get("User"),
                (String) config.get("WorkingDir"),
                (Map<String, String>) config.get("Labels"),
                (String) root.get("created"),
                (List<String>) rootfs.get("diff_ids"));
    }
}
