package dev.fn4j.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * A docker-archive tar as Jib's tar output writes it ({@code manifest.json}, the image config, one
 * file per layer), read for its layers and copied without the files of leading layers that the
 * runtime already has.
 */
public final class DockerArchive {

    private static final String MANIFEST = "manifest.json";

    private static final Pattern DIFF_ID = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One layer of the image, in the order the image stacks them.
     *
     * @param file the layer's file in the archive, as {@code manifest.json} names it
     * @param diffId the digest of the layer's uncompressed content, {@code sha256:<64 hex>}, from
     *     the config's {@code rootfs.diff_ids}
     * @param size the layer file's size in bytes
     */
    public record Layer(String file, String diffId, long size) {}

    private final Path file;
    private final List<Layer> layers;

    private DockerArchive(Path file, List<Layer> layers) {
        this.file = file;
        this.layers = List.copyOf(layers);
    }

    /**
     * Reads the layers of the docker-archive {@code tar}: their files from its
     * {@code manifest.json}, their diff ids from the config it names.
     *
     * @throws IOException when the file cannot be read or is not a docker-archive of one image,
     *     with a message that says which part is missing or wrong
     */
    public static DockerArchive read(Path tar) throws IOException {
        Objects.requireNonNull(tar, "tar");
        try (TarFile archive = new TarFile(tar)) {
            Map<String, TarArchiveEntry> entries = new HashMap<>();
            for (TarArchiveEntry entry : archive.getEntries()) {
                entries.put(entry.getName(), entry);
            }
            if (!entries.containsKey(MANIFEST)) {
                throw new IOException(tar + " is not a docker-archive: it has no " + MANIFEST);
            }
            JsonNode manifest = json(tar, archive, entries.get(MANIFEST));
            if (!manifest.isArray() || manifest.size() != 1) {
                throw malformed(tar, MANIFEST + " does not list exactly one image");
            }
            JsonNode config =
                    json(tar, archive, entry(tar, entries, manifest.get(0).path("Config"), "config"));
            JsonNode files = manifest.get(0).path("Layers");
            JsonNode diffIds = config.path("rootfs").path("diff_ids");
            if (!files.isArray() || !diffIds.isArray() || files.size() != diffIds.size()) {
                throw malformed(
                        tar,
                        MANIFEST + " lists " + files.size() + " layers but the config has " + diffIds.size()
                                + " diff ids");
            }
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                String diffId = diffIds.get(i).asText();
                if (!DIFF_ID.matcher(diffId).matches()) {
                    throw malformed(tar, "the config's diff id " + diffId + " is not sha256:<64 hex>");
                }
                TarArchiveEntry layer = entry(tar, entries, files.get(i), "layer");
                layers.add(new Layer(layer.getName(), diffId, layer.getSize()));
            }
            return new DockerArchive(tar, layers);
        }
    }

    /** The archive file. */
    public Path file() {
        return file;
    }

    /** The image's layers, lowest first. */
    public List<Layer> layers() {
        return layers;
    }

    /** The layers' diff ids, lowest first: the image config's {@code rootfs.diff_ids}. */
    public List<String> diffIds() {
        return layers.stream().map(Layer::diffId).toList();
    }

    /**
     * Writes a copy of the archive to {@code target} without the files of its first
     * {@code leading} layers; {@code manifest.json} and the config stay as they are, and so does
     * every other entry, byte for byte and in order. A file that a later layer also uses stays.
     *
     * @param leading how many layers to leave out, 0 to {@code layers().size()}
     */
    public void writeWithoutLeadingLayers(int leading, Path target) throws IOException {
        if (leading < 0 || leading > layers.size()) {
            throw new IllegalArgumentException(
                    "leading must be 0 to " + layers.size() + " (the image's layers): " + leading);
        }
        Set<String> leftOut = new HashSet<>();
        layers.subList(0, leading).forEach(layer -> leftOut.add(layer.file()));
        layers.subList(leading, layers.size()).forEach(layer -> leftOut.remove(layer.file()));
        try (TarFile in = new TarFile(file);
                TarArchiveOutputStream out =
                        new TarArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry : in.getEntries()) {
                if (leftOut.contains(entry.getName())) {
                    continue;
                }
                out.putArchiveEntry(entry);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeArchiveEntry();
            }
            out.finish();
        }
    }

    /** The entry {@code manifest.json} names as the image's {@code part}. */
    private static TarArchiveEntry entry(Path tar, Map<String, TarArchiveEntry> entries, JsonNode name, String part)
            throws IOException {
        if (!name.isTextual()) {
            throw malformed(tar, MANIFEST + " names no " + part + " file");
        }
        TarArchiveEntry entry = entries.get(name.asText());
        if (entry == null) {
            throw malformed(
                    tar,
                    MANIFEST + " names the " + part + " file " + name.asText() + ", which the archive does not hold");
        }
        return entry;
    }

    private static JsonNode json(Path tar, TarFile archive, TarArchiveEntry entry) throws IOException {
        try (InputStream in = archive.getInputStream(entry)) {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw malformed(tar, entry.getName() + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static IOException malformed(Path tar, String problem) {
        return new IOException(tar + " is not a docker-archive as Jib writes it: " + problem);
    }
}
