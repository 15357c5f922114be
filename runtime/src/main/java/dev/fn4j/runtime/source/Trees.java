package dev.fn4j.runtime.source;

import dev.fn4j.runtime.files.FileTrees;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a build's directory tree, links themselves never what they point to. */
final class Trees {

    private static final Logger LOG = LoggerFactory.getLogger(Trees.class);

    private Trees() {}

    /** Deletes {@code dir} and everything under it; logs what it cannot delete. */
    static void delete(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the build directory {}: {}", dir, e.getMessage());
        }
    }
}
