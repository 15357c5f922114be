package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.function.Function;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One class-data archive per function revision: a training run of the revision shortly after its
 * deploy (its JVM writes the classes it loaded at exit) and every later instance of that revision
 * maps them instead of loading and verifying them again. The archive is an AppCDS archive or, on
 * Java 25 and later, an AOT cache ({@link ArchiveKind} says which, from the image's Java version).
 *
 * <p>Invariants: an archive is keyed by function, revision and image id, so a new image (and with
 * it a new JRE) never meets an old archive; its extension is its kind's, so the kind that trained
 * it is the kind that maps it. A stored archive is the runtime's own file, mode 0444,
 * and reaches an instance as a hard link in its socket directory (which the instance cannot write),
 * so no instance can change what the next one maps and no mount is added. A JVM that refuses an
 * archive (another JRE, a damaged file) starts without it: {@code -Xshare:auto} and
 * {@code -XX:AOTMode=auto} are the JVM's defaults, and the host logs the refusal.
 */
public final class ClassDataArchives {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchives.class);

    static final String TRAINING_DIR = "cds";
    /** Where the instance's socket directory is inside the container (engine.Lockdown's mount). */
    private static final String MOUNT = "/fn4j";

    /** Null when archives are off. */
    private final Path dir;

    private ClassDataArchives(Path dir) {
        this.dir = dir;
    }

    /** Archives kept under {@code dir}, created when needed. */
    public static ClassDataArchives in(Path dir) {
        return new ClassDataArchives(dir.toAbsolutePath());
    }

    /** No archives: every instance runs the image's entrypoint unchanged. */
    public static ClassDataArchives off() {
        return new ClassDataArchives(null);
    }

    /** Whether archives are on and the revision has none yet. */
    boolean needsTraining(Function function) {
        return dir != null && stored(function) == null;
    }

    /** Whether the revision has a stored archive. */
    boolean has(Function function) {
        return dir != null && stored(function) != null;
    }

    /** The kind of the revision's stored archive, or null when it has none. */
    private ArchiveKind stored(Function function) {
        for (ArchiveKind kind : ArchiveKind.values()) {
            if (Files.isRegularFile(archive(function, kind))) {
                return kind;
            }
        }
        return null;
    }

    /** Where the revision's archive of that kind is stored; it may not exist. */
    Path archive(Function function, ArchiveKind kind) {
        String image = function.spec().image().replace("sha256:", "");
        String key = function.revision() + "-" + image.substring(0, Math.min(16, image.length())) + kind.extension();
        return dir.resolve(function.name()).resolve(key.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /**
     * The JVM options for an instance of the revision starting with {@code socketDir}: map the
     * stored archive (linked into the directory), or none when there is no archive yet.
     */
    List<String> use(Function function, Path socketDir) {
        ArchiveKind kind = dir == null ? null : stored(function);
        if (kind == null) {
            return List.of();
        }
        Path archive = archive(function, kind);
        try {
            Path link = socketDir.resolve(kind.file());
            try {
                Files.createLink(link, archive);
            } catch (UnsupportedOperationException | IOException crossDevice) {
                Files.copy(archive, link, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("r--r--r--"));
            }
            return kind.map(MOUNT + "/" + kind.file());
        } catch (IOException e) {
            LOG.warn(
                    "starting {} r{} without its class-data archive: {}",
                    function.name(),
                    function.revision(),
                    e.toString());
            return List.of();
        }
    }

    /**
     * The JVM options for a training run of the revision in {@code socketDir}, by a JVM that
     * writes archives of that kind: write it at exit into a directory the container's user may
     * write. None when the revision has an archive.
     */
    List<String> train(Function function, Path socketDir, ArchiveKind kind) {
        if (dir == null || stored(function) != null) {
            return List.of();
        }
        try {
            Path out = Files.createDirectories(socketDir.resolve(TRAINING_DIR));
            // The container's user is not the runtime's: only this subdirectory is theirs to write.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            return kind.train(MOUNT + "/" + TRAINING_DIR + "/" + kind.file());
        } catch (IOException e) {
            LOG.warn("not training {} r{}: {}", function.name(), function.revision(), e.toString());
            return List.of();
        }
    }

    /**
     * Keeps what the training run in {@code socketDir} wrote, after its JVM exited: copied (so the
     * runtime owns it, not the container's user), read-only, then moved into place atomically.
     * Returns whether the revision has an archive now.
     */
    boolean collect(Function function, Path socketDir, ArchiveKind kind) {
        if (dir == null) {
            return false;
        }
        Path written = socketDir.resolve(TRAINING_DIR).resolve(kind.file());
        Path target = archive(function, kind);
        try {
            if (!Files.isRegularFile(written) || Files.size(written) == 0) {
                LOG.info("{} r{}: the training run wrote no class-data archive", function.name(), function.revision());
                return stored(function) != null;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".training-", ".tmp");
            Files.copy(written, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
            LOG.info(
                    "{} r{}: class-data archive ({}) of {} KiB kept for its next instances",
                    function.name(),
                    function.revision(),
                    kind,
                    Files.size(target) / 1024);
            return true;
        } catch (IOException e) {
            LOG.warn(
                    "{} r{}: cannot keep its class-data archive: {}",
                    function.name(),
                    function.revision(),
                    e.toString());
            return false;
        }
    }

    /** Deletes every archive of the function: it was removed. */
    public void forget(String functionName) {
        if (dir == null) {
            return;
        }
        Path functionDir = dir.resolve(functionName);
        try (var files = Files.list(functionDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(functionDir);
        } catch (IOException e) {
            // None kept, or a new deploy is writing one: nothing to forget now.
        }
    }
}
