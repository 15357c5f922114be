package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.LoadResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads image archives into Docker and looks images up. {@code docker load} answers with free
 * text, so the loaded image is identified from the archive itself (its config digest is the image
 * id), and only then from the references Docker printed.
 */
final class DockerImages {

    /** Loading a 1 GiB image takes tens of seconds; ten minutes means something is stuck. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);

    private static final String LOADED_ID = "Loaded image ID:";
    private static final String LOADED_REF = "Loaded image:";
    /**
     * How {@code docker load} says that an archive lacks a layer file it needed, because the engine
     * does not have that layer: {@code open /var/lib/docker/tmp/docker-import-3917352028/<file>:
     * no such file or directory}, {@code <file>} as the manifest names it.
     */
    private static final Pattern MISSING_FILE =
            Pattern.compile("docker-import-[^/\\s]*/(.+?): no such file or directory");

    private final DockerClient client;
    private final DockerErrors errors;
    private final ImageArchiveInspector inspector = new ImageArchiveInspector();

    DockerImages(DockerClient client, DockerErrors errors) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    LoadedImage load(Path archive) {
        Objects.requireNonNull(archive, "archive");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("archive is not a regular file: " + archive);
        }
        ImageArchive described = inspector.inspect(archive);
        List<String> printed = send(archive, described);
        Set<String> candidates = new LinkedHashSet<>();
        if (described.configDigest() != null) {
            candidates.add(described.configDigest());
        }
        for (String line : printed) {
            if (line.startsWith(LOADED_ID)) {
                candidates.add(line.substring(LOADED_ID.length()).trim());
            }
        }
        candidates.addAll(described.repoTags());
        for (String line : printed) {
            if (line.startsWith(LOADED_REF)) {
                candidates.add(line.substring(LOADED_REF.length()).trim());
            }
        }
        for (String ref : candidates) {
            LoadedImage found = find(ref);
            if (found != null) {
                return found;
            }
        }
        throw new EngineException(
                "Docker loaded " + archive + " but has no image by any of " + candidates + "; it said: " + printed);
    }

    /** The image by id or reference, or {@code null} when Docker has none. */
    LoadedImage find(String imageRef) {
        Objects.requireNonNull(imageRef, "imageRef");
        if (imageRef.isBlank()) {
            throw new IllegalArgumentException("imageRef must not be blank: '" + imageRef + "'");
        }
        InspectImageResponse image;
        try {
            image = client.inspectImageCmd(imageRef).exec();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect image '" + imageRef + "'");
        }
        Map<String, String> labels =
                image.getConfig() == null || image.getConfig().getLabels() == null
                        ? Map.of()
                        : image.getConfig().getLabels();
        List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
        String[] env = image.getConfig() == null ? null : image.getConfig().getEnv();
        String javaVersion = env == null ? null : LoadedImage.javaVersionIn(java.util.Arrays.asList(env));
        return new LoadedImage(image.getId(), tags, labels, javaVersion);
    }

    /** Streams the archive to {@code docker load}; returns the lines Docker printed. */
    private List<String> send(Path archive, ImageArchive described) {
        String action = "load image archive " + archive.getFileName();
        try (InputStream in = Files.newInputStream(archive);
                BlockingCallback<LoadResponseItem> callback = new BlockingCallback<>()) {
            client.loadImageAsyncCmd(in).exec(callback);
            if (!callback.await(LOAD_TIMEOUT)) {
                throw new EngineException("could not " + action + ": Docker did not finish within "
                        + LOAD_TIMEOUT.toMinutes() + " minutes");
            }
            if (callback.error() != null) {
                throw errors.translate(callback.error(), action);
            }
            List<String> printed = new ArrayList<>();
            for (LoadResponseItem item : callback.items()) {
                if (item.isErrorIndicated()) {
                    throw rejected(item, described);
                }
                if (item.getStream() != null && !item.getStream().isBlank()) {
                    printed.add(item.getStream().trim());
                }
            }
            return printed;
        } catch (IOException e) {
            throw new EngineException("could not read image archive " + archive + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while loading image archive " + archive, e);
        }
    }

    /**
     * Docker answers 200 and reports a bad archive inside the stream. Its complaint is about the
     * upload, so it is an invalid image, or one that leaves out a layer the engine lacks, not an
     * engine failure.
     */
    private static EngineException rejected(LoadResponseItem item, ImageArchive described) {
        String message = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.toString(); // Docker sends errorDetail
        if (described.format() == ImageArchive.Format.OCI_LAYOUT) {
            // Docker before 25 loads only docker-archive tars; say so rather than "no such file".
            return new InvalidImageException("this Docker engine cannot load an OCI layout archive"
                    + " (Docker 25 or later can); build a docker-archive tar instead, as Jib's"
                    + " TarImage does by default. Docker said: " + message);
        }
        String missing = missingLayerFile(message, described.layerFiles());
        if (missing != null) {
            // Docker releases the layers it loaded before, so the full archive loads afterwards.
            return new LayersMissingException(missing);
        }
        return new InvalidImageException("Docker could not load the image archive: " + message);
    }

    /**
     * The layer file that Docker's {@code message} says is missing from the archive, when it is
     * one of the manifest's {@code layerFiles}; otherwise {@code null}.
     */
    static String missingLayerFile(String message, List<String> layerFiles) {
        Matcher missing = MISSING_FILE.matcher(message);
        while (missing.find()) {
            if (layerFiles.contains(missing.group(1))) {
                return missing.group(1);
            }
        }
        return null;
    }
}
