package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.files.FileTrees;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The {@code /app} files of the images stems were given, copied out of each image once (its host
 * jar left out, since the stem runs its own) and linked into each stem's socket directory.
 *
 * <p>Invariants: an image's directory under {@link #root} is complete once it exists (it is
 * written under another name and renamed); its files are 0644 and its directories 0755, owned by
 * the runtime's user, so an instance, running as another user without capabilities, reads them
 * and can neither change them nor add to them.
 */
final class StemFiles {

    private final ContainerEngine engine;
    private final Path root;
    /** The labels of the short-lived container a copy needs. */
    private final Map<String, String> labels;
    /** One lock per image id, so that two starts of one image copy it once. */
    private final ConcurrentHashMap<String, Object> copying = new ConcurrentHashMap<>();

    StemFiles(ContainerEngine engine, Path root, Map<String, String> labels) {
        this.engine = engine;
        this.root = root;
        this.labels = Map.copyOf(labels);
    }

    /** The image's files, copied out of it now unless they were before. */
    Path of(LoadedImage image) throws IOException {
        String name = image.id().replace("sha256:", "");
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("image id must be sha256: and hex digits: '" + image.id() + "'");
        }
        Path dir = root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        synchronized (copying.computeIfAbsent(name, k -> new Object())) {
            if (Files.isDirectory(dir)) {
                return dir;
            }
            Path partial = root.resolve(name + ".partial");
            FileTrees.delete(partial);
            Files.createDirectories(root);
            engine.extractFromImage(image.id(), ImageLayout.WORKING_DIR, partial, Set.of(hostDirectory()), labels);
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        }
    }

    /** The host jar's directory under {@code /app}: "host". */
    private static String hostDirectory() {
        String relative = ImageLayout.HOST_JAR.substring(ImageLayout.WORKING_DIR.length() + 1);
        return relative.substring(0, relative.indexOf('/'));
    }

    /**
     * Makes {@code files}' tree appear under {@code target}: hard links where both are on one file
     * system (a link shares the file's owner and mode), copies where not.
     */
    static void link(Path files, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(files)) {
            paths = walk.toList();
        }
        for (Path source : paths) {
            Path copy = target.resolve(files.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                try {
                    Files.createLink(copy, source);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(source, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    /** Deletes every image's files; only while no stem or instance uses them (start-up). */
    void clear() throws IOException {
        FileTrees.delete(root);
    }
}
