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
 */
public record ApiKey(String id, String name, Scope scope, String secretHash, Instant createdAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
