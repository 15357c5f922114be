package dev.fn4j.runtime.function;

import java.time.Instant;
import java.util.Objects;

/**
 * One deployed revision of a function, as its history lists it.
 *
 * @param revision 1 for the first deploy, one more for each later one
 * @param image the image id the revision runs
 * @param handler the handler class
 * @param deployedAt when it was deployed
 */
public record Revision(long revision, String image, String handler, Instant deployedAt) {
    public Revision {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(deployedAt, "deployedAt");
    }
}
