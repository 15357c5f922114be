package dev.fn4j.runtime.auth;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Creates, checks and revokes API keys. Keys are stored hashed; checking one compares hashes in
 * constant time and, after the first check, needs no database read; when a key was last used is
 * written on the side.
 */
public final class ApiKeys {

    /** What {@link #create} returns: the stored key and, this once, its secret text. */
    public record Created(ApiKey key, String plaintext) {}

    private final KeyStore store;
    private final Clock clock;
    private final KeyUseRecorder uses;
    /** Keys read from the store, by id; an entry goes when its key is deleted here. */
    private final Map<String, ApiKey> cache = new ConcurrentHashMap<>();
    /** How many times cached keys were forgotten; changed only while holding {@link #cache}. */
    private volatile long forgets;

    /** @param background where the last use of keys is written; must not run tasks inline */
    public ApiKeys(KeyStore store, Clock clock, Executor background) {
        this.store = store;
        this.clock = clock;
        this.uses = new KeyUseRecorder(store, background);
    }

    /** Makes a new key that works for {@code lifetime} from now, or for ever when it is null. */
    public Created create(String name, Scope scope, Duration lifetime) {
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw new IllegalArgumentException("an API key's lifetime must be positive, not " + lifetime);
        }
        String plaintext = KeyFormat.generate();
        KeyFormat.Parsed parsed = KeyFormat.parse(plaintext);
        // Milliseconds, as the database keeps them, so the answer shows what GET shows later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiKey key = new ApiKey(
                parsed.id(),
                name,
                scope,
                KeyFormat.hash(parsed.secret()),
                now,
                lifetime == null ? null : now.plus(lifetime),
                null);
        store.insert(key);
        return new Created(key, plaintext);
    }

    /**
     * Stores a key chosen by the operator (FN4J_ADMIN_KEY) unless it is stored already. Any text of
     * 20 characters or more is accepted; one in fn4j's own format keeps its id.
     */
    public ApiKey adopt(String plaintext, String name, Scope scope) {
        if (plaintext.length() < 20) {
            throw new IllegalArgumentException(
                    "an operator-chosen key must have at least 20" + " characters, this one has " + plaintext.length());
        }
        KeyFormat.Parsed parsed = split(plaintext);
        Optional<ApiKey> existing = store.find(parsed.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        ApiKey key = new ApiKey(parsed.id(), name, scope, KeyFormat.hash(parsed.secret()), clock.instant(), null, null);
        store.insert(key);
        return key;
    }

    /**
     * What the presented text proves: a working key (whose use is then recorded), an expired one,
     * or none.
     */
    public KeyCheck authenticate(String presented) {
        return authenticate(presented, true);
    }

    /**
     * As {@link #authenticate}, from memory only, so that it may run on an IO thread: null when the
     * key is not cached and would have to be read from the store first.
     */
    public KeyCheck authenticateFromMemory(String presented) {
        return authenticate(presented, false);
    }

    private KeyCheck authenticate(String presented, boolean mayReadStore) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return KeyCheck.INVALID;
        }
        KeyFormat.Parsed parsed = split(presented);
        ApiKey key = cache.get(parsed.id());
        if (key == null) {
            if (!mayReadStore) {
                return null;
            }
            long seen = forgets;
            key = store.find(parsed.id()).orElse(null);
            if (key == null) {
                return KeyCheck.INVALID;
            }
            cacheUnlessForgotten(key, seen);
        }
        if (!KeyFormat.matches(parsed.secret(), key.secretHash())) {
            return KeyCheck.INVALID;
        }
        Instant now = clock.instant();
        if (key.expiredAt(now)) {
            return new KeyCheck.Expired(key);
        }
        uses.used(key.id(), now);
        return new KeyCheck.Valid(key);
    }

    public List<ApiKey> list() {
        return store.list();
    }

    public Optional<ApiKey> find(String id) {
        return store.find(id);
    }

    /**
     * Revokes a key at once. The last admin key that has not expired cannot go: without one
     * nobody could manage the runtime until it restarts with {@code FN4J_ADMIN_KEY}. Expired keys
     * may always go.
     */
    public synchronized void delete(String id) {
        ApiKey key = store.find(id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        if (key.scope() == Scope.ADMIN && !key.expiredAt(now) && store.countUsable(Scope.ADMIN, now) <= 1) {
            throw new ApiException(
                    ErrorCode.LAST_ADMIN_KEY,
                    "API key '" + id + "' is the only"
                            + " admin key that has not expired; create another admin key (POST /v1/keys)"
                            + " before deleting it");
        }
        if (!store.delete(id)) {
            throw notFound(id);
        }
        cache.remove(id);
        uses.forget(id);
    }

    /**
     * Forgets what is cached of the key {@code id}, which another runtime created or revoked: its
     * next use reads the store, so a revoked key is refused from then on.
     */
    public void forget(String id) {
        synchronized (cache) {
            forgets++;
            cache.remove(id);
        }
        uses.forget(id);
    }

    /** Forgets every cached key: changes may have been missed. */
    public void forgetAll() {
        synchronized (cache) {
            forgets++;
            cache.clear();
        }
    }

    /** Caches a key read from the store, unless a forget came since the read began (it may be stale). */
    private void cacheUnlessForgotten(ApiKey key, long seen) {
        synchronized (cache) {
            if (forgets == seen) {
                cache.put(key.id(), key);
            }
        }
    }

    /** Whether any admin key is stored, expired or not. */
    public boolean anyAdmin() {
        return store.count(Scope.ADMIN) > 0;
    }

    public static ApiException notFound(String id) {
        return new ApiException(
                ErrorCode.KEY_NOT_FOUND, "no API key with id '" + id + "'; list them with GET /v1/keys");
    }

    /** fn4j keys carry their id; other text gets one derived from its hash. */
    private static KeyFormat.Parsed split(String plaintext) {
        KeyFormat.Parsed parsed = KeyFormat.parse(plaintext);
        return parsed != null
                ? parsed
                : new KeyFormat.Parsed(KeyFormat.hash(plaintext).substring(0, 12), plaintext);
    }
}
