package dev.fn4j.runtime.instance;

import java.io.IOException;
import java.util.List;

/** Where a starting instance's hosts connect: its Unix socket, or the network transport. */
interface HostEndpoint {

    /**
     * Waits for {@code count} connections that each said Hello for {@code instanceId}; {@link
     * #abort()} from another thread makes it throw.
     *
     * @throws HandlerFailedException when the host reports instead that its handler failed
     */
    List<HostConnection> awaitHosts(int count, String instanceId) throws IOException;

    /** Gives the start up: wakes the waiter and closes what was connected; idempotent. */
    void abort();
}
