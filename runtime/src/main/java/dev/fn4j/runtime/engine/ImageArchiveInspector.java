package dev.fn4j.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks that a file is an image archive, and reads which image it holds, before the engine sees
 * it: the engine's own errors for a bad upload are vague, and its image id for a docker-archive is
 * the digest of the config file, which this class computes. A gzip-compressed tar is read too,
 * since {@code docker load} accepts one.
 */
final class ImageArchiveInspector {

    static final String NOT_AN_IMAGE = "not an image archive: expected manifest.json (docker-archive)"
            + " or index.json (OCI layout) at the top of the tar";

    /** Manifests and configs are kilobytes; anything bigger is not one. */
    private static final int MAX_JSON_BYTES = 4 << 20;

    private static final String SHA256_HEX = "[0-9a-f]{64}";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Reads the archive's manifest and its image's config digest.
     *
     * @throws InvalidImageException when the file is not a docker-archive or OCI layout tar
     * @throws EngineException when the file cannot be read at all
     */
    ImageArchive inspect(Path archive) {
        Objects.requireNonNull(archive, "archive");
        try {
            TopLevel top = scanTopLevel(archive);
            if (top.manifest != null) {
                return dockerArchive(archive, top.manifest);
            }
            if (top.index != null && top.ociLayout) {
                return ociLayout(archive, top.index);
            }
            throw new InvalidImageException(NOT_AN_IMAGE);
        } catch (TarReader.MalformedTarException | ZipException | EOFException e) {
            // EOF and ZipException come from a damaged gzip stream: the upload, not the disk.
            throw new InvalidImageException(NOT_AN_IMAGE + " (the file is not a readable tar: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new EngineException("could not read image archive " + archive + ": " + e, e);
        }
    }

    /** The top-level entries that decide the format; {@code null} for the ones that are absent. */
    private static final class TopLevel {
        byte[] manifest;
        byte[] index;
        boolean ociLayout;
    }

    private TopLevel scanTopLevel(Path archive) throws IOException {
        TopLevel top = new TopLevel();
        try (InputStream in = open(archive)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                if (!e.isFile()) {
                    continue;
                }
                switch (e.name()) {
                    case "manifest.json" -> top.manifest = readSmall(tar, e);
                    case "index.json" -> top.index = readSmall(tar, e);
                    case "oci-layout" -> top.ociLayout = true;
                    default -> {}
                }
            }
        }
        return top;
    }

    private ImageArchive dockerArchive(Path archive, byte[] manifestBytes) throws IOException {
        JsonNode manifest = parse(manifestBytes, "manifest.json");
        if (!manifest.isArray() || manifest.isEmpty() || !manifest.get(0).isObject()) {
            throw new InvalidImageException("manifest.json is not a JSON array of images");
        }
        // docker load takes every image of the archive; the first is the one we describe.
        JsonNode first = manifest.get(0);
        String config = first.path("Config").asText("");
        if (config.isEmpty()) {
            throw new InvalidImageException("manifest.json names no Config for its first image");
        }
        byte[] configBytes = readEntry(archive, TarReader.normalise(config));
        if (configBytes == null) {
            throw new InvalidImageException("manifest.json names config '" + config + "', which is not in the archive");
        }
        return new ImageArchive(
                ImageArchive.Format.DOCKER_ARCHIVE,
                sha256(configBytes),
                texts(first.path("RepoTags")),
                texts(first.path("Layers")).stream().map(TarReader::normalise).toList());
    }

    private ImageArchive ociLayout(Path archive, byte[] indexBytes) throws IOException {
        JsonNode manifests = parse(indexBytes, "index.json").path("manifests");
        if (!manifests.isArray() || manifests.isEmpty()) {
            throw new InvalidImageException("index.json lists no manifests");
        }
        JsonNode first = manifests.get(0);
        String digest = first.path("digest").asText("");
        List<String> tags = new ArrayList<>();
        JsonNode annotations = first.path("annotations");
        for (String key : List.of("io.containerd.image.name", "org.opencontainers.image.ref.name")) {
            if (annotations.hasNonNull(key)) {
                tags.add(annotations.get(key).asText());
            }
        }
        if (!digest.matches("sha256:" + SHA256_HEX)) {
            throw new InvalidImageException("index.json's first manifest has no sha256 digest: '" + digest + "'");
        }
        byte[] manifestBytes = readEntry(archive, "blobs/sha256/" + digest.substring(7));
        if (manifestBytes == null) {
            throw new InvalidImageException("index.json names manifest " + digest + ", which is not in the archive");
        }
        // A nested index (multi-platform) has no single config; the caller falls back to tags.
        String config = parse(manifestBytes, "manifest " + digest)
                .path("config")
                .path("digest")
                .asText("");
        return new ImageArchive(
                ImageArchive.Format.OCI_LAYOUT,
                config.matches("sha256:" + SHA256_HEX) ? config : null,
                tags,
                List.of());
    }

    /** The content of the file entry with this name, or {@code null} when there is none. */
    private byte[] readEntry(Path archive, String name) throws IOException {
        try (InputStream in = open(archive)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                if (e.isFile() && e.name().equals(name)) {
                    return readSmall(tar, e);
                }
            }
            return null;
        }
    }

    private static byte[] readSmall(TarReader tar, TarReader.Entry e) throws IOException {
        if (e.size() > MAX_JSON_BYTES) {
            throw new InvalidImageException(e.name() + " is " + e.size()
                    + " bytes, too large for image metadata (at most " + MAX_JSON_BYTES + ")");
        }
        return tar.readContent(MAX_JSON_BYTES);
    }

    /** Opens the archive, decompressing it when it starts with the gzip magic number. */
    static InputStream open(Path archive) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private JsonNode parse(byte[] bytes, String what) {
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidImageException(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidImageException(what + " is not readable JSON: " + e.getMessage());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
