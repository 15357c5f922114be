package dev.fn4j.runtime.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps keys in a map and counts reads, so tests can see what the cache saves. */
final class MemoryKeyStore implements KeyStore {
    final Map<String, ApiKey> keys = new LinkedHashMap<>();
    int reads;

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
}
