package dev.fn4j.runtime.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Unpacks a zip or jar into a directory that must be empty, or refuses it with the rule and the
 * entry: first every entry's name and type is checked from the central directory (nothing is
 * written yet), then each is inflated while its bytes are counted, never trusting the sizes the
 * archive declares. Invariant: every file it writes lies under the target directory, and it
 * creates no links.
 */
final class SafeUnzip {

    /** Unix file type bits of an entry's external attributes. */
    private static final int S_IFMT = 0170000;

    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private final SourceLimits limits;

    SafeUnzip(SourceLimits limits) {
        this.limits = limits;
    }

    /** What an archive held: the count of files written and their bytes. */
    record Unpacked(int files, long bytes) {}

    /**
     * Unpacks {@code archive} into {@code target}.
     *
     * @throws SourceRejectedException when the archive breaks a rule; what was written stays under
     *     {@code target} for the caller to delete
     */
    Unpacked unpack(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile zip = open(archive)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            List<String> paths = checkEntries(zip, entries);
            long total = 0;
            int files = 0;
            for (int i = 0; i < entries.size(); i++) {
                ZipArchiveEntry entry = entries.get(i);
                Path path = inside(root, paths.get(i));
                if (entry.isDirectory()) {
                    directories(path, paths.get(i));
                    continue;
                }
                directories(path.getParent(), paths.get(i));
                total += write(zip, entry, paths.get(i), path, total);
                files++;
            }
            return new Unpacked(files, total);
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return ZipFile.builder()
                    .setPath(archive)
                    .setUseUnicodeExtraFields(false)
                    .get();
        } catch (IOException e) {
            if (startsLikeZip(archive)) {
                throw new SourceRejectedException(
                        "truncated",
                        null,
                        "the archive is truncated or damaged (" + e.getMessage() + "); send the whole file");
            }
            throw new SourceRejectedException(
                    "not_a_zip", null, "the body is not a zip or jar archive; send a .zip or .jar file");
        }
    }

    private static boolean startsLikeZip(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    /** Checks count, names, types and duplicates, writing nothing; the checked paths, in order. */
    private List<String> checkEntries(ZipFile zip, List<ZipArchiveEntry> entries) {
        if (entries.size() > limits.maxEntries()) {
            throw new SourceRejectedException(
                    "too_many_entries",
                    null,
                    "the archive has " + entries.size() + " entries, more than the limit of " + limits.maxEntries()
                            + " (--max-source-entries)");
        }
        List<String> paths = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : entries) {
            String name = EntryNames.decode(entry.getRawName());
            String path = EntryNames.check(name, limits.maxDepth());
            checkType(entry, name);
            if (!zip.canReadEntryData(entry)) {
                throw new SourceRejectedException(
                        "unsupported_entry",
                        name,
                        "the entry '" + name + "' is encrypted or compressed with a method other than deflate;"
                                + " pack it with a plain zip or jar tool");
            }
            // Exact names only: Linux tells Foo.class from foo.class, and real jars hold both
            // META-INF/LICENSE and META-INF/license/.
            if (!seen.add(path)) {
                throw new SourceRejectedException(
                        "duplicate_name", name, "the entry '" + name + "' appears twice; keep one");
            }
            paths.add(path);
        }
        return paths;
    }

    /** Regular files and directories only: no symbolic links, devices or pipes. */
    private static void checkType(ZipArchiveEntry entry, String name) {
        if (entry.getPlatform() != ZipArchiveEntry.PLATFORM_UNIX) {
            return; // no Unix mode recorded: the entry is a file or, with a trailing '/', a folder
        }
        int type = entry.getUnixMode() & S_IFMT;
        if (type == S_IFLNK) {
            throw new SourceRejectedException(
                    "symlink", name, "the entry '" + name + "' is a symbolic link; archive the file it points to");
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            throw new SourceRejectedException(
                    "special_file",
                    name,
                    "the entry '" + name + "' is not a regular file or folder (a link, device or pipe)");
        }
    }

    private static Path inside(Path root, String path) {
        Path resolved = root.resolve(path).normalize();
        // EntryNames already refused every name that could leave root; this guards that rule.
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new SourceRejectedException("path_traversal", path, "the entry '" + path + "' leaves the archive");
        }
        return resolved;
    }

    private static void directories(Path dir, String name) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException | NotDirectoryException | NoSuchFileException e) {
            throw conflict(name);
        }
    }

    private static SourceRejectedException conflict(String name) {
        return new SourceRejectedException(
                "path_conflict", name, "the entry '" + name + "' is both a file and a folder in the archive");
    }

    /** Inflates one entry, counting its bytes against the limits; returns how many it wrote. */
    private long write(ZipFile zip, ZipArchiveEntry entry, String name, Path file, long before) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                written += n;
                checkTotal(name, before + written);
                checkRatio(name, in, written);
                out.write(buffer, 0, n);
            }
        } catch (FileAlreadyExistsException e) {
            throw conflict(name);
        } catch (EOFException | ZipException e) {
            throw new SourceRejectedException(
                    "truncated", name, "the entry '" + name + "' is truncated or damaged; send the whole archive");
        }
        return written;
    }

    private void checkTotal(String name, long total) {
        if (total > limits.maxUnpackedBytes()) {
            throw new SourceRejectedException(
                    "too_large",
                    name,
                    "the archive unpacks to more than the limit of " + limits.maxUnpackedBytes()
                            + " bytes (--max-source-unpacked-bytes), passed at entry '" + name + "'");
        }
    }

    private void checkRatio(String name, InputStream in, long inflated) {
        if (inflated <= SourceLimits.RATIO_FREE_BYTES || !(in instanceof InputStreamStatistics stats)) {
            return;
        }
        long compressed = Math.max(1, stats.getCompressedCount());
        if (inflated / compressed > limits.maxRatio()) {
            throw new SourceRejectedException(
                    "compression_ratio",
                    name,
                    "the entry '" + name + "' inflates more than " + limits.maxRatio()
                            + " times its compressed size (--max-source-ratio): a zip bomb, or data"
                            + " that should not be in a function's archive");
        }
    }
}
