package dev.fn4j.runtime.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when each key last authenticated, at most once a minute per key and on an executor, so
 * requests neither wait for the write nor fail with it: a failed write is logged and forgotten.
 */
final class KeyUseRecorder {

    /** A key's use is written again only after this long. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(KeyUseRecorder.class);

    private final KeyStore store;
    private final Executor executor;
    /** When a use of each key was last handed to the executor; an entry goes with its key. */
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    KeyUseRecorder(KeyStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** Notes that the key authenticated at the instant; writes it unless written within a minute. */
    void used(String id, Instant at) {
        boolean[] due = {false};
        lastWritten.compute(id, (key, last) -> {
            due[0] = last == null || !at.isBefore(last.plus(INTERVAL));
            return due[0] ? at : last;
        });
        if (!due[0]) {
            return;
        }
        try {
            executor.execute(() -> write(id, at));
        } catch (RejectedExecutionException e) {
            LOG.warn("not recording the use of API key {}: the runtime is stopping", id);
        }
    }

    /** Forgets a deleted key, so the map does not keep it. */
    void forget(String id) {
        lastWritten.remove(id);
    }

    private void write(String id, Instant at) {
        try {
            store.touch(id, at);
        } catch (RuntimeException e) {
            LOG.warn("recording the use of API key {} failed: {}", id, e.getMessage());
        }
    }
}
