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
 * One AppCDS archive per function revision: a training run of the revision shortly after its
 * deploy (its JVM writes the classes it loaded at exit) and every later instance of that revision
 * maps them instead of loading and verifying them again.
 *
 * <p>Invariants: an archive is keyed by function, revision and image id, so a new image (and with
 * it a new JRE) never meets an old archive. A stored archive is the runtime's own file, mode 0444,
 * and reaches an instance as a hard link in its socket directory (which the instance cannot write),
 * so no instance can change what the next one maps and no mount is added. A JVM that refuses an
 * archive (another JRE, a damaged file) starts without it: {@code -Xshare:auto} is the JVM's
 * default, and the host logs the refusal.
 */
public final class ClassDataArchives {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchives.class);

    /** The file a training run writes, under its socket directory's {@link #TRAINING_DIR}. */
    static final String FILE = "app.jsa";

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
        return dir != null && !has(function);
    }

    /** Whether the revision has a stored archive. */
    boolean has(Function function) {
        return dir != null && Files.isRegularFile(archive(function));
    }

    /** The stored archive of the revision; it may not exist. */
    Path archive(Function function) {
        String image = function.spec().image().replace("sha256:", "");
        String key = function.revision() + "-" + image.substring(0, Math.min(16, image.length())) + ".jsa";
        return dir.resolve(function.name()).resolve(key.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /**
     * The JVM options for an instance of the revision starting with {@code socketDir}: map the
     * stored archive (linked into the directory), or none when there is no archive yet.
     */
    List<String> use(Function function, Path socketDir) {
        if (dir == null || !Files.isRegularFile(archive(function))) {
            return List.of();
        }
        try {
            Path link = socketDir.resolve(FILE);
            try {
                Files.createLink(link, archive(function));
            } catch (UnsupportedOperationException | IOException crossDevice) {
                Files.copy(archive(function), link, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("r--r--r--"));
            }
            return List.of("-XX:SharedArchiveFile=" + MOUNT + "/" + FILE);
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
     * The JVM options for a training run of the revision in {@code socketDir}: write the archive
     * at exit into a directory the container's user may write. None when the revision has one.
     */
    List<String> train(Function function, Path socketDir) {
        if (dir == null || Files.isRegularFile(archive(function))) {
            return List.of();
        }
        try {
            Path out = Files.createDirectories(socketDir.resolve(TRAINING_DIR));
            // The container's user is not the runtime's: only this subdirectory is theirs to write.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            return List.of("-XX:ArchiveClassesAtExit=" + MOUNT + "/" + TRAINING_DIR + "/" + FILE);
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
    boolean collect(Function function, Path socketDir) {
        if (dir == null) {
            return false;
        }
        Path written = socketDir.resolve(TRAINING_DIR).resolve(FILE);
        Path target = archive(function);
        try {
            if (!Files.isRegularFile(written) || Files.size(written) == 0) {
                LOG.info("{} r{}: the training run wrote no class-data archive", function.name(), function.revision());
                return Files.isRegularFile(target);
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".training-", ".jsa");
            Files.copy(written, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
            LOG.info(
                    "{} r{}: class-data archive of {} KiB kept for its next instances",
                    function.name(),
                    function.revision(),
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
