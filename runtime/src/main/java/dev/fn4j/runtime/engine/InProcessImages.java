package dev.fn4j.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The images of the in-process engine, on disk under one directory: each layer as uploaded, by its
 * diff id ({@code layers/}), so a later upload may leave it out as with Docker, and each image's
 * {@code /app} tree extracted from its layers with its labels ({@code images/<config hex>/}). Only
 * docker-archive tars (Jib's default) are read; nothing outside {@code /app} is kept, since the
 * host runs on this JVM, not the image's.
 */
final class InProcessImages {

    /** What an image's directory holds besides {@code app/}: its labels and tags. */
    private static final String DESCRIPTION = "image.properties";

    private static final String APP_PREFIX = ImageLayout.WORKING_DIR.substring(1) + "/";

    private final Path layers;
    private final Path images;
    private final ObjectMapper json = new ObjectMapper();

    InProcessImages(Path dir) {
        this.layers = dir.resolve("layers");
        this.images = dir.resolve("images");
        try {
            Files.createDirectories(layers);
            Files.createDirectories(images);
        } catch (IOException e) {
            throw new EngineException("could not create the in-process image store in " + dir + ": " + e, e);
        }
    }

    /** How many leading layers of {@code diffIds} the store has. */
    synchronized int reusableLayers(List<String> diffIds) {
        LayerChains.of(diffIds); // checks each is a diff id
        int n = 0;
        while (n < diffIds.size() && Files.isRegularFile(layer(diffIds.get(n)))) {
            n++;
        }
        return n;
    }

    /** Stores the archive's layers and extracts its image's {@code /app}; returns the image. */
    synchronized LoadedImage load(Path archive) {
        ImageArchive described = new ImageArchiveInspector().inspect(archive);
        if (described.format() != ImageArchive.Format.DOCKER_ARCHIVE) {
            throw new InvalidImageException("the in-process engine reads docker-archive tars only (Jib's default)");
        }
        String id = described.configDigest();
        Map<String, Path> received = new LinkedHashMap<>();
        Map<String, byte[]> small = new LinkedHashMap<>();
        try {
            try (InputStream in = ImageArchiveInspector.open(archive)) {
                TarReader tar = new TarReader(in);
                for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                    if (!e.isFile()) {
                        continue;
                    }
                    if (described.layerFiles().contains(e.name())) {
                        Path temp = Files.createTempFile(layers, "upload", ".part");
                        try (OutputStream out = Files.newOutputStream(temp)) {
                            tar.copyContent(out);
                        }
                        received.put(e.name(), temp);
                    } else if (e.name().endsWith(".json") && e.size() < (4 << 20)) {
                        small.put(e.name(), tar.readContent(4 << 20));
                    }
                }
            }
            JsonNode config = configOf(small, id);
            List<String> diffIds = texts(config.path("rootfs").path("diff_ids"));
            if (diffIds.size() != described.layerFiles().size()) {
                throw new InvalidImageException("the image config lists " + diffIds.size() + " layers, its manifest "
                        + described.layerFiles().size());
            }
            List<Path> stack = new ArrayList<>();
            for (int i = 0; i < diffIds.size(); i++) {
                Path stored = layer(diffIds.get(i));
                Path temp = received.remove(described.layerFiles().get(i));
                if (temp != null) {
                    Files.move(temp, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else if (!Files.isRegularFile(stored)) {
                    throw new LayersMissingException(described.layerFiles().get(i));
                }
                stack.add(stored);
            }
            LoadedImage image = new LoadedImage(id, described.repoTags(), labels(config));
            Path dir = images.resolve(hex(id));
            if (!Files.isRegularFile(dir.resolve(DESCRIPTION))) {
                extract(stack, dir);
                describe(image, dir);
            }
            return image;
        } catch (IOException e) {
            throw new EngineException("could not read image archive " + archive + ": " + e, e);
        } finally {
            received.values().forEach(InProcessImages::deleteQuietly);
        }
    }

    /** The image by id, or null when the store has none. */
    synchronized LoadedImage find(String imageRef) {
        if (!imageRef.matches("sha256:[0-9a-f]{64}")) {
            return null;
        }
        Path description = images.resolve(hex(imageRef)).resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(description)) {
            properties.load(in);
        } catch (IOException e) {
            throw new EngineException("could not read " + description + ": " + e, e);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> labels.put(name, properties.getProperty(name)));
        return new LoadedImage(imageRef, List.of(), labels);
    }

    /** The directory an image's {@code /app} was extracted to: its container paths map under it. */
    Path root(String imageId) {
        return images.resolve(hex(imageId));
    }

    private JsonNode configOf(Map<String, byte[]> small, String id) throws IOException {
        for (byte[] bytes : small.values()) {
            if (ImageArchiveInspector.sha256(bytes).equals(id)) {
                return json.readTree(bytes);
            }
        }
        throw new InvalidImageException("the archive holds no image config with digest " + id);
    }

    /** Applies the layers in order, keeping only what is under {@code /app}; whiteouts are not needed for it. */
    private static void extract(List<Path> stack, Path dir) throws IOException {
        Path temp = Files.createTempDirectory(dir.getParent(), "extract");
        for (Path layer : stack) {
            try (InputStream in = ImageArchiveInspector.open(layer)) {
                TarReader tar = new TarReader(in);
                for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                    if (!e.isFile() || !e.name().startsWith(APP_PREFIX)) {
                        continue;
                    }
                    Path target = temp.resolve(e.name()).normalize();
                    if (!target.startsWith(temp)) {
                        throw new InvalidImageException("layer entry leaves the image: " + e.name());
                    }
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.copyContent(out);
                    }
                }
            } catch (TarReader.MalformedTarException e) {
                throw new InvalidImageException(
                        "layer " + layer.getFileName() + " is not a readable tar: " + e.getMessage());
            }
        }
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void describe(LoadedImage image, Path dir) throws IOException {
        Properties properties = new Properties();
        properties.putAll(image.labels());
        try (OutputStream out = Files.newOutputStream(dir.resolve(DESCRIPTION))) {
            properties.store(out, "labels of " + image.id());
        }
    }

    private static Map<String, String> labels(JsonNode config) {
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("config")
                .path("Labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private Path layer(String diffId) {
        return layers.resolve(hex(diffId));
    }

    private static String hex(String digest) {
        Objects.requireNonNull(digest, "digest");
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: '" + digest + "'");
        }
        return hex;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A left-over upload part only takes disk space under target/.
        }
    }
}
