package dev.fn4j.runtime.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept (hashed); the runtime's database in production. */
public interface KeyStore {

    void insert(ApiKey key);

    Optional<ApiKey> find(String id);

    List<ApiKey> list();

    /** Deletes the key; returns whether it existed. */
    boolean delete(String id);

    /** How many keys of the scope exist, expired or not. */
    int count(Scope scope);

    /** How many keys of the scope have not expired at the instant. */
    int countUsable(Scope scope, Instant at);

    /**
     * Records that the key authenticated at the instant, unless a later use is recorded already;
     * a key that is gone is left gone.
     */
    void touch(String id, Instant usedAt);
}
