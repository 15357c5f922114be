package dev.fn4j.runtime.source;

import java.nio.file.Path;

/** Puts a built image archive into the engine the way {@code POST /v1/images} does; blocks. */
@FunctionalInterface
public interface ImageLoader {

    /** Loads the docker-archive {@code tar} and returns the engine's image id, {@code sha256:…}. */
    String load(Path tar);
}
