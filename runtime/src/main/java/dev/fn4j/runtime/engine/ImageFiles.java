package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a directory out of an image through a container that is created and never started, then
 * removed: the one way Docker hands out an image's files without saving the whole image.
 */
final class ImageFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;

    ImageFiles(DockerClient client, DockerErrors errors, ContainerRemover remover) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.remover = Objects.requireNonNull(remover, "remover");
    }

    /** See {@link ContainerEngine#extractFromImage}. */
    void extract(String image, String dir, Path target, Set<String> skip, Map<String, String> labels) {
        if (!dir.startsWith("/") || dir.endsWith("/") || dir.lastIndexOf('/') < 0 || dir.length() < 2) {
            throw new IllegalArgumentException("dir must be an absolute path without a trailing '/': '" + dir + "'");
        }
        String id;
        try {
            id = client.createContainerCmd(image)
                    .withLabels(Labels.managed(labels))
                    .withNetworkDisabled(true)
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw errors.translate(e, "create a container to read " + dir + " of image '" + image + "'");
        }
        try (InputStream in = client.copyArchiveFromContainerCmd(id, dir).exec()) {
            // Docker names each entry after the directory's last segment: "app/classes/A.class".
            write(new TarReader(in), dir.substring(dir.lastIndexOf('/') + 1) + "/", target, skip);
        } catch (IOException e) {
            throw new EngineException("cannot read " + dir + " of image '" + image + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw errors.translate(e, "copy " + dir + " out of image '" + image + "'");
        } finally {
            // Off the caller's path (a stem's start may be waiting for these files): removing a
            // container takes Docker about as long as creating it; the runtime's label finds it should
            // the runtime stop first.
            CompletableFuture.runAsync(() -> {
                try {
                    remover.remove(id);
                } catch (RuntimeException e) {
                    LOG.info("cannot remove container {} that copied files out of {}: {}", id, image, e.getMessage());
                }
            });
        }
    }

    /**
     * Writes the regular files and directories, files 0644 and directories 0755 whatever the
     * image says, so that the instance's user reads them and cannot change them; links and
     * devices are left out, and so is any name that would leave {@code target}.
     */
    private static void write(TarReader tar, String prefix, Path target, Set<String> skip) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
            if (!entry.name().startsWith(prefix)) {
                continue;
            }
            String relative = entry.name().substring(prefix.length());
            while (relative.endsWith("/")) {
                relative = relative.substring(0, relative.length() - 1);
            }
            if (relative.isEmpty() || skipped(relative, skip)) {
                continue;
            }
            Path path = root.resolve(relative).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
                throw new IOException("the image's entry '" + entry.name() + "' leaves its directory");
            }
            if (entry.type() == '5') {
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else if (entry.isFile()) {
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    tar.copyContent(out);
                }
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static boolean skipped(String relative, Set<String> skip) {
        for (String s : skip) {
            if (relative.equals(s) || relative.startsWith(s + "/")) {
                return true;
            }
        }
        return false;
    }
}
