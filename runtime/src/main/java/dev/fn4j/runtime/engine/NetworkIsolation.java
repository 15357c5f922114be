package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Objects;

/**
 * Chooses how an instance's container gets its network namespace, both ways with nothing in it
 * but loopback. Docker's {@code none} network joins the container to libnetwork's null network
 * through a prestart hook that re-executes the whole dockerd binary, about 250 ms of every start on
 * a small host (docs/benchmarks.md); an engine started without a default bridge
 * ({@code dockerd --bridge=none}, as {@code scripts/docker-up.sh} does) gives a container in the
 * {@code default} mode a fresh network namespace of its own, also with loopback alone, and runs
 * no hook. So the {@code default} mode is used exactly when the engine has no {@code bridge}
 * network, checked before every container is created: an engine's default bridge only comes or
 * goes with a restart of the engine, and a check per start costs a millisecond.
 */
final class NetworkIsolation {

    /** Docker's network with loopback alone, through libnetwork: right on every engine. */
    static final String NONE = "none";

    /** The engine's default network: loopback alone only when the engine has no default bridge. */
    static final String DEFAULT = "default";

    /** The name Docker gives the default bridge network; no other network may take it. */
    static final String BRIDGE = "bridge";

    private final DockerClient client;

    NetworkIsolation(DockerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The network mode for the next container: {@link #DEFAULT} when the engine has no default
     * bridge, {@link #NONE} otherwise and whenever the check itself fails.
     */
    String mode() {
        try {
            client.inspectNetworkCmd().withNetworkId(BRIDGE).exec();
            return NONE;
        } catch (NotFoundException e) {
            return DEFAULT;
        } catch (RuntimeException e) {
            // Unsure is not isolated: the engine's own none network is right on every engine.
            return NONE;
        }
    }
}
