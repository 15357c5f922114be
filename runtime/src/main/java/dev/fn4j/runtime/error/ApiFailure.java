package dev.fn4j.runtime.error;

/**
 * A failure of a lower layer that says how the API answers it, so the HTTP layer can answer it
 * without knowing the layer: the engine's and the database's failures implement it.
 */
public interface ApiFailure {

    /** The error a caller sees for this failure, with this failure as its cause. */
    ApiException toApi();
}
