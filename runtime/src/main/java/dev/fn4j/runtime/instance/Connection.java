package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Frame;
import java.io.IOException;

/** A channel to one host slot: one call at a time; closing it fails a call in progress. */
public interface Connection extends AutoCloseable {

    /** Sends one invocation and blocks until the host answers it. */
    Frame call(Frame.Invoke invoke) throws IOException;

    boolean isOpen();

    @Override
    void close();
}
