package dev.fn4j.runtime.function;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a deployed function. Immutable: a redeploy makes a new {@code Function} with
 * a higher revision, so calls already running keep the one they started with.
 *
 * @param name the function's name, valid per {@link FunctionName}
 * @param revision 1 for the first deploy, one more for each later one
 * @param spec the configuration of this revision
 * @param createdAt when the first revision was deployed
 * @param updatedAt when this revision was deployed
 */
public record Function(String name, long revision, FunctionSpec spec, Instant createdAt, Instant updatedAt) {

    public Function {
        FunctionName.check(name);
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The next revision of this function with a new spec. */
    public Function next(FunctionSpec newSpec, Instant now) {
        return new Function(name, revision + 1, newSpec, createdAt, now);
    }
}
