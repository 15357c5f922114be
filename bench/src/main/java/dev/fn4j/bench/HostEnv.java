package dev.fn4j.bench;

import dev.fn4j.protocol.Protocol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the runtime gives a host, under the protocol's names, filled in for the bench's
 * echo: one instance serving one call at a time, no configuration keys.
 */
final class HostEnv {

    /** The socket a host in a container is told about: the runtime's mount point and file. */
    static final String CONTAINER_SOCKET = Protocol.CONTAINER_SOCKET_DIR + "/" + Protocol.SOCKET_FILE;

    private HostEnv() {}

    /**
     * The variables for a host that connects to {@code socket}. {@link Protocol#ENV_LOG_LIMIT_BYTES}
     * stays unset, which turns log capture off: the bench's caller reads Results only, as a
     * runtime that does not know the Logs frame would.
     */
    static Map<String, String> of(String socket) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Protocol.ENV_SOCKET, socket);
        env.put(Protocol.ENV_INSTANCE_ID, "bench");
        env.put(Protocol.ENV_HANDLER, BenchContext.HANDLER);
        env.put(Protocol.ENV_FUNCTION, "echo");
        env.put(Protocol.ENV_CONCURRENCY, "1");
        env.put(Protocol.ENV_CONFIG_KEYS, "");
        return env;
    }
}
