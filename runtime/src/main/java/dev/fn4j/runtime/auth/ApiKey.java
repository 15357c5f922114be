package dev.fn4j.runtime.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: everything but the secret, of which only a SHA-256 hash is kept.
 *
 * @param id the public part of the key, 12 hex digits, also in the key itself
 * @param name what the key is for, as its creator called it
 * @param scope what the key may do
 * @param secretHash the SHA-256 of the key's secret part, hex
 * @param createdAt when it was made
 * @param expiresAt from when it no longer works, after {@code createdAt}; null when never
 * @param lastUsedAt when it last authenticated as recorded, up to a minute behind; null when
 *     never
 */
public record ApiKey(
        String id,
        String name,
        Scope scope,
        String secretHash,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException(
                    "API key " + id + " would expire at " + expiresAt + ", not after its creation at " + createdAt);
        }
    }

    /** Whether the key no longer works at the instant. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
