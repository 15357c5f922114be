package dev.fn4j.maven.core;

import dev.fn4j.client.ImageUpload;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClient;
import dev.fn4j.client.RuntimeClientException;
import dev.fn4j.image.DockerArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Uploads an image archive to the runtime without the files of the leading layers it already has. */
final class ImageUploader {

    private final RuntimeConnection connection;
    private final RuntimeClient client;
    private final GoalLog log;

    ImageUploader(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.client = connection.client();
        this.log = log;
    }

    /**
     * Asks the runtime how many of the image's leading layers it has; when it has some, writes the
     * archive without their files next to it ({@code image-upload.tar} for {@code image.tar}) and
     * uploads that, and the whole archive once more if the runtime has lost one of them since.
     */
    ImageUpload upload(Path archive) throws FnFailureException, FnExecutionException {
        long start = System.nanoTime();
        DockerArchive image = read(archive);
        int reusable = reusableLayers(image);
        Path sent = archive;
        try {
            if (reusable > 0) {
                sent = writePartial(image, reusable);
                try {
                    ImageUpload upload = client.uploadImage(sent);
                    log.info("Uploaded " + archive.getFileName() + " (" + size(sent) + " of "
                            + size(archive) + ": " + reusable + " of "
                            + image.layers().size()
                            + (reusable == 1 ? " layers was" : " layers were")
                            + " already on the runtime) to " + connection.display() + " in "
                            + Elapsed.format(Elapsed.since(start)) + ": image " + upload.id());
                    return upload;
                } catch (RuntimeApiException e) {
                    if (e.status() != 409 || !e.code().equals("layers_missing")) {
                        throw e;
                    }
                    log.debug("The fn4j runtime no longer has all of those layers (" + e.errorMessage()
                            + "): uploading the whole archive.");
                    sent = archive;
                }
            }
            ImageUpload upload = client.uploadImage(archive);
            log.info("Uploaded " + archive.getFileName() + " (" + size(archive) + ") to "
                    + connection.display() + " in " + Elapsed.format(Elapsed.since(start))
                    + ": image " + upload.id());
            return upload;
        } catch (RuntimeClientException failure) {
            RuntimeApiException e = connection.apiError(failure, "upload images");
            if (e.status() == 413) {
                throw new FnFailureException(
                        "The image archive " + sent + " (" + size(sent)
                                + ") is larger than the fn4j runtime accepts: " + e.code() + ": "
                                + e.errorMessage() + ". Leave out dependencies the function does not need,"
                                + " or start the runtime with a larger --max-image-bytes.",
                        e);
            }
            throw new FnExecutionException(
                    "The fn4j runtime at " + connection.display() + " did not accept the image " + sent + ": "
                            + e.code() + ": " + e.errorMessage(),
                    e);
        }
    }

    private static DockerArchive read(Path archive) throws FnExecutionException {
        try {
            return DockerArchive.read(archive);
        } catch (IOException e) {
            throw new FnExecutionException(
                    "Cannot read the layers of " + archive.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private int reusableLayers(DockerArchive image) throws FnFailureException, FnExecutionException {
        try {
            return client.reusableLayers(image.diffIds());
        } catch (RuntimeClientException failure) {
            RuntimeApiException e = connection.apiError(failure, "upload images");
            throw new FnExecutionException(
                    "The fn4j runtime at " + connection.display()
                            + " did not say which layers of the image " + image.file() + " it has: "
                            + e.code() + ": " + e.errorMessage(),
                    e);
        }
    }

    private Path writePartial(DockerArchive image, int reusable) throws FnExecutionException {
        String name = image.file().getFileName().toString();
        Path partial = image.file()
                .resolveSibling((name.endsWith(".tar") ? name.substring(0, name.length() - 4) : name) + "-upload.tar");
        long reused = image.layers().subList(0, reusable).stream()
                .mapToLong(DockerArchive.Layer::size)
                .sum();
        log.debug("The fn4j runtime has the first " + reusable + " of the image's "
                + image.layers().size() + " layers (" + size(reused) + "); writing " + partial
                + " without them.");
        try {
            image.writeWithoutLeadingLayers(reusable, partial);
            return partial;
        } catch (IOException e) {
            throw new FnExecutionException(
                    "Cannot write " + partial + ", the image archive without" + " the layers the runtime has: "
                            + e.getMessage(),
                    e);
        }
    }

    private static String size(Path file) {
        try {
            return size(Files.size(file));
        } catch (IOException e) {
            return "size unknown";
        }
    }

    /** {@code 512 bytes}, {@code 12 KB}, {@code 40.6 MB}: decimal units, as the upload shows them. */
    private static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return bytes / 1_000 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
