package dev.fn4j.runtime.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps keys in a map and counts reads and uses written, so tests can see what the cache and the
 * once-a-minute rule save; {@link #failTouches} makes writing a use fail.
 */
public final class MemoryKeyStore implements KeyStore {
    final Map<String, ApiKey> keys = new LinkedHashMap<>();
    /** Every use written, as "id@instant", in order. */
    final List<String> touches = new ArrayList<>();

    int reads;
    boolean failTouches;

    /** How many times a key was read from the store: what the cache did not save. */
    public int reads() {
        return reads;
    }

    @Override
    public void insert(ApiKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("duplicate key id " + key.id());
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        reads++;
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKey> list() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public boolean delete(String id) {
        return keys.remove(id) != null;
    }

    @Override
    public int count(Scope scope) {
        return (int) keys.values().stream().filter(k -> k.scope() == scope).count();
    }

    @Override
    public int countUsable(Scope scope, Instant at) {
        return (int) keys.values().stream()
                .filter(k -> k.scope() == scope && !k.expiredAt(at))
                .count();
    }

    @Override
    public void touch(String id, Instant usedAt) {
        if (failTouches) {
            throw new IllegalStateException("the database is down");
        }
        touches.add(id + "@" + usedAt);
        keys.computeIfPresent(
                id,
                (i, k) -> k.lastUsedAt() != null && !k.lastUsedAt().isBefore(usedAt)
                        ? k
                        : new ApiKey(
                                k.id(), k.name(), k.scope(), k.secretHash(), k.createdAt(), k.expiresAt(), usedAt));
    }
}
