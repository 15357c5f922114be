package dev.fn4j.client;

/**
 * What {@code POST /v1/keys} answered: the new key's description and, this once, the key itself.
 *
 * @param description the key as {@code GET /v1/keys} lists it
 * @param key the key to send as {@code Authorization: Bearer}, {@code fn4j_<id>_<secret>}; the
 *     runtime keeps only a hash of it and never shows it again
 */
public record CreatedApiKey(ApiKeyDescription description, String key) {

    /** Leaves the key out, so that printing this never shows it. */
    @Override
    public String toString() {
        return "CreatedApiKey[description=" + description + "]";
    }
}
