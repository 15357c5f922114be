package dev.fn4j.runtime.engine;

import java.util.List;
import java.util.Objects;

/**
 * What an image archive says about the image inside it, read without the engine.
 *
 * @param format the archive's layout
 * @param configDigest {@code sha256:<hex>} of the image config, which the engine uses as the image
 *     id; {@code null} when the archive does not lead to a single config (an OCI nested index)
 * @param repoTags the references the archive names for its image, possibly none
 * @param layerFiles the layer files a docker-archive's manifest names for its image, in order and
 *     as paths inside the archive (without a leading {@code ./}); none for an OCI layout
 */
record ImageArchive(Format format, String configDigest, List<String> repoTags, List<String> layerFiles) {

    /** The two archive layouts that image builders write. */
    enum Format {
        /** {@code docker save} and Jib's default: {@code manifest.json} at the top. */
        DOCKER_ARCHIVE,
        /** An OCI image layout: {@code oci-layout}, {@code index.json} and {@code blobs/}. */
        OCI_LAYOUT
    }

    ImageArchive {
        Objects.requireNonNull(format, "format");
        if (configDigest != null && !configDigest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("configDigest is not sha256:<64 hex>: " + configDigest);
        }
        repoTags = List.copyOf(repoTags);
        layerFiles = List.copyOf(layerFiles);
    }
}
