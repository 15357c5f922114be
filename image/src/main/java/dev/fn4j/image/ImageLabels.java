package dev.fn4j.image;

import dev.fn4j.protocol.ImageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels a function image carries: the request's own and the builder's, which describe the
 * function (its handlers), the API it was built against and the host jar it runs on.
 */
final class ImageLabels {

    private ImageLabels() {}

    /** The image's labels, sorted so the config JSON, and with it the digest, never depends on map order. */
    static Map<String, String> of(ImageBuildRequest request) throws IOException {
        Map<String, String> labels = new TreeMap<>(request.labels());
        if (!request.handlers().isEmpty()) {
            labels.put(ImageLayout.LABEL_HANDLERS, String.join(",", request.handlers()));
        }
        labels.put(ImageLayout.LABEL_API_VERSION, BuildInfo.version());
        labels.put(ImageLayout.LABEL_HOST_DIGEST, sha256(request.hostJar()));
        return labels;
    }

    /** {@code sha256:<64 lower-case hex digits>} of the file's bytes. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
