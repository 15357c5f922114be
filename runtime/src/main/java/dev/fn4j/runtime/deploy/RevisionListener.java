package dev.fn4j.runtime.deploy;

import dev.fn4j.runtime.function.Function;

/** Told by the {@link Deployer} of what it changed, after the change; must not block. */
public interface RevisionListener {

    /** Tells nothing. */
    RevisionListener NONE = new RevisionListener() {
        @Override
        public void deployed(Function revision) {}

        @Override
        public void removed(String name) {}
    };

    /** The revision now serves: its handler started in the deploy check (or had no room to). */
    void deployed(Function revision);

    /** The function and all its revisions are gone. */
    void removed(String name);
}
