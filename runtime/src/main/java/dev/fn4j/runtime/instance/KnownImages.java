package dev.fn4j.runtime.instance;

import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.engine.EngineException;
import dev.fn4j.runtime.engine.LoadedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's images by id, each looked up once: an instance's start needs its image's labels
 * and Java version for its archive key, and should not ask the engine again on every start.
 *
 * <p>Invariant: only answers for an image id ({@code sha256:…}) are kept, and an id names the same
 * content forever, so a kept answer never goes stale; at most {@link #MAX} are kept, the least
 * recently used leaving first. Thread-safe.
 */
final class KnownImages {

    static final int MAX = 256;

    private final ContainerEngine engine;
    /** Guarded by itself; access-ordered. */
    private final Map<String, LoadedImage> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoadedImage> eldest) {
            return size() > MAX;
        }
    };

    KnownImages(ContainerEngine engine) {
        this.engine = engine;
    }

    /** The image, or null when the engine has none by that reference or cannot say now. */
    LoadedImage find(String image) {
        synchronized (byId) {
            LoadedImage known = byId.get(image);
            if (known != null) {
                return known;
            }
        }
        LoadedImage found;
        try {
            found = engine.findImage(image);
        } catch (EngineException e) {
            // The start that follows reports the engine's trouble; the key falls back to the revision.
            return null;
        }
        if (found != null && image.startsWith("sha256:")) {
            synchronized (byId) {
                byId.put(image, found);
            }
        }
        return found;
    }
}
