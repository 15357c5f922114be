package dev.fn4j.runtime.cluster;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this runtime's in-memory functions, pools and keys as the store has them when other
 * runtimes change them: a function notice re-reads that function (its pool follows: swapped to
 * a new revision, or removed with its instances), a key notice drops the key from the cache (a
 * revoked key is then refused at its next use), and a missed notice re-reads everything. Every
 * reaction is idempotent, so hearing of this runtime's own changes does no harm.
 */
public final class Changes implements ChangeSink {

    private static final Logger LOG = LoggerFactory.getLogger(Changes.class);

    /** Re-reads one function from the store and brings its pool in line. */
    private final Consumer<String> function;
    /** Re-reads every function from the store and brings the pools in line. */
    private final Runnable functions;
    /** Forgets one cached key. */
    private final Consumer<String> key;
    /** Forgets every cached key. */
    private final Runnable keys;

    public Changes(Consumer<String> function, Runnable functions, Consumer<String> key, Runnable keys) {
        this.function = function;
        this.functions = functions;
        this.key = key;
        this.keys = keys;
    }

    @Override
    public void changed(Notice notice) {
        try {
            switch (notice.kind()) {
                case FUNCTION -> function.accept(notice.key());
                case KEY -> key.accept(notice.key());
            }
        } catch (RuntimeException e) {
            // The next missed() (reconnect) or notice of the same thing repairs it.
            LOG.warn("could not take up the change '{}' made by another runtime", notice.wire(), e);
        }
    }

    @Override
    public void missed() {
        keys.run();
        try {
            functions.run();
        } catch (RuntimeException e) {
            LOG.warn("could not re-read the functions after missing notices", e);
        }
    }
}
