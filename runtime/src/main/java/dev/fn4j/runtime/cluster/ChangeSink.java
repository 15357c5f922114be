package dev.fn4j.runtime.cluster;

/**
 * Where the notices other runtimes send arrive. Called from the one listening thread, never
 * from an IO thread, so implementations may block on the database.
 */
public interface ChangeSink {

    /** Something changed: re-read it from the store. */
    void changed(Notice notice);

    /**
     * Notices may have been missed (the listening connection was down): re-read everything. Also
     * called once when listening starts, so that changes made before it are not missed either.
     */
    void missed();
}
