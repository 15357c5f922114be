package dev.fn4j.runtime.source.polyglot;

import dev.fn4j.runtime.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the builders: copying an upload, the hosts carried as resources, cleaning up. */
public final class SourceTree {

    /** Where the runtime jar carries the hosts (runtime/pom.xml copies the repository's hosts/ there). */
    private static final String HOSTS = "/dev/fn4j/runtime/source/hosts/";

    private SourceTree() {}

    /**
     * Copies the regular files and folders under {@code from} to {@code to}, readable by everyone
     * (a build container's user is not the runtime's); links are never followed or copied.
     */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(path, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    /** Copies the host resource {@code name} (e.g. {@code python/fn4j_host.py}) to {@code target}. */
    public static Path host(String name, Path target) throws IOException {
        try (InputStream in = SourceTree.class.getResourceAsStream(HOSTS + name)) {
            if (in == null) {
                throw new IOException("the runtime jar lacks the host file " + HOSTS + name + "; rebuild the runtime");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            return target;
        }
    }

    /** The text of the host resource {@code name}. */
    public static String hostText(String name) throws IOException {
        try (InputStream in = SourceTree.class.getResourceAsStream(HOSTS + name)) {
            if (in == null) {
                throw new IOException("the runtime jar lacks the host file " + HOSTS + name + "; rebuild the runtime");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A new work folder everyone may read, for a build container to see. */
    public static Path workDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** The regular files directly in {@code dir} whose names end with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** Removes {@code dir} and everything in it; quietly does nothing when it is gone. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove build folder " + dir, e);
        }
    }
}
