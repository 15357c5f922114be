package dev.fn4j.runtime.instance;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored class-data archives: one per platform (a JRE and a host jar) or, for an image that
 * does not name its host, one per function revision ({@link ArchiveKey} says which). A training
 * run's JVM writes the classes it loaded at exit, and every later instance with the same key maps
 * them instead of loading and verifying them again: a platform's archive is trained once, by the
 * first revision on it that finds none, and serves the first start of every revision after it.
 * The archive is an AppCDS archive or, on Java 25 and later, an AOT cache ({@link ArchiveKind}
 * says which, from the image's Java version).
 *
 * <p>Invariants: a revision's key includes its function, revision and image id, and a platform's
 * its Java version and host jar digest, so a new JRE or host never meets an old archive; its
 * extension is its kind's, so the kind that trained it is the kind that maps it. At most one
 * training run per key runs at a time. A stored archive is the runtime's own file, mode 0444,
 * and reaches an instance as a hard link in its socket directory (which the instance cannot write),
 * so no instance can change what the next one maps and no mount is added. {@link #forget} deletes
 * a function's revision archives, never a platform's, which other functions map. A JVM that
 * refuses an archive (another JRE build with the same version, a damaged file) starts without it:
 * {@code -Xshare:auto} and {@code -XX:AOTMode=auto} are the JVM's defaults, and the host logs the
 * refusal.
 */
public final class ClassDataArchives {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchives.class);

    static final String TRAINING_DIR = "cds";
    /** Where the instance's socket directory is inside the container (engine.Lockdown's mount). */
    private static final String MOUNT = "/fn4j";

    /** Null when archives are off. */
    private final Path dir;
    /** The keys a training run is under way for; at most one run per key. */
    private final Set<ArchiveKey> training = ConcurrentHashMap.newKeySet();

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

    /** Whether archives are on: only then does an instance's key matter. */
    boolean on() {
        return dir != null;
    }

    /** Whether archives are on and the key has none yet. */
    boolean needsTraining(ArchiveKey key) {
        return dir != null && stored(key) == null;
    }

    /** Whether the key has a stored archive. */
    boolean has(ArchiveKey key) {
        return dir != null && stored(key) != null;
    }

    /**
     * Claims the key's training run; false when another one is under way (its archive will serve
     * this caller too). A true answer must be followed by {@link #release}.
     */
    boolean claim(ArchiveKey key) {
        return dir != null && training.add(key);
    }

    /** Ends the key's training run claimed by {@link #claim}. */
    void release(ArchiveKey key) {
        training.remove(key);
    }

    /** The kind of the key's stored archive, or null when it has none. */
    private ArchiveKind stored(ArchiveKey key) {
        for (ArchiveKind kind : ArchiveKind.values()) {
            if (Files.isRegularFile(archive(key, kind))) {
                return kind;
            }
        }
        return null;
    }

    /** Where the key's archive of that kind is stored; it may not exist. */
    Path archive(ArchiveKey key, ArchiveKind kind) {
        return dir.resolve(key.directory()).resolve(key.name() + kind.extension());
    }

    /**
     * The JVM options for an instance with the key starting with {@code socketDir}: map the
     * stored archive (linked into the directory), or none when there is no archive yet.
     */
    List<String> use(ArchiveKey key, Path socketDir) {
        ArchiveKind kind = dir == null ? null : stored(key);
        if (kind == null) {
            return List.of();
        }
        Path archive = archive(key, kind);
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
            LOG.warn("starting an instance of {} without its class-data archive: {}", key.description(), e.toString());
            return List.of();
        }
    }

    /**
     * The JVM options for a training run for the key in {@code socketDir}, by a JVM that writes
     * archives of that kind: write it at exit into a directory the container's user may write.
     * None when the key has an archive.
     */
    List<String> train(ArchiveKey key, Path socketDir, ArchiveKind kind) {
        if (dir == null || stored(key) != null) {
            return List.of();
        }
        try {
            Path out = Files.createDirectories(socketDir.resolve(TRAINING_DIR));
            // The container's user is not the runtime's: only this subdirectory is theirs to write.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            return kind.train(MOUNT + "/" + TRAINING_DIR + "/" + kind.file());
        } catch (IOException e) {
            LOG.warn("not training {}: {}", key.description(), e.toString());
            return List.of();
        }
    }

    /**
     * Keeps what the training run in {@code socketDir} wrote, after its JVM exited: copied (so the
     * runtime owns it, not the container's user), read-only, then moved into place atomically.
     * Returns whether the key has an archive now.
     */
    boolean collect(ArchiveKey key, Path socketDir, ArchiveKind kind) {
        if (dir == null) {
            return false;
        }
        Path written = socketDir.resolve(TRAINING_DIR).resolve(kind.file());
        Path target = archive(key, kind);
        try {
            if (!Files.isRegularFile(written) || Files.size(written) == 0) {
                LOG.info("{}: the training run wrote no class-data archive", key.description());
                return stored(key) != null;
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
                    "{}: class-data archive ({}) of {} KiB kept for its next instances",
                    key.description(),
                    kind,
                    Files.size(target) / 1024);
            return true;
        } catch (IOException e) {
            LOG.warn("{}: cannot keep its class-data archive: {}", key.description(), e.toString());
            return false;
        }
    }

    /**
     * Deletes every revision archive of the function: it was removed. Platform archives stay:
     * other functions map them, and they hold none of this function's classes.
     */
    public void forget(String functionName) {
        if (dir == null || functionName.equals(ArchiveKey.PLATFORM_DIR)) {
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
