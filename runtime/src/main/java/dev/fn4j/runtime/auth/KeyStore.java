package dev.fn4j.runtime.auth;

import java.util.List;
import java.util.Optional;

/** Where API keys are kept (hashed); the runtime's database in production. */
public interface KeyStore {

    void insert(ApiKey key);

    Optional<ApiKey> find(String id);

    List<ApiKey> list();

    /** Deletes the key; returns whether it existed. */
    boolean delete(String id);

    /** How many keys of the scope exist. */
    int count(Scope scope);
}
