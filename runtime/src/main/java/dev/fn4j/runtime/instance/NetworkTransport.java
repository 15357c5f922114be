package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.Protocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The instance protocol over the pod network, for engines that share no directory with the
 * runtime (Kubernetes): the runtime's instance port, and the token each starting instance dials
 * it with (docs/protocol.md, "Network transport").
 */
public final class NetworkTransport implements AutoCloseable {

    /** The runtime's own address on the pod network; the manifest sets it from status.podIP. */
    public static final String ENV_POD_IP = "FN4J_POD_IP";

    /** The instance port; 7070 by default, as in deploy/kubernetes. */
    public static final String ENV_INSTANCE_PORT = "FN4J_INSTANCE_PORT";

    /** How long a connection may take to send its token line. */
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(5);

    private final InstanceTokens tokens;
    private final TokenListener listener;
    /** {@code host:port} instances dial: FN4J_RUNTIME_ADDRESS. */
    private final String address;

    private NetworkTransport(InstanceTokens tokens, TokenListener listener, String address) {
        this.tokens = tokens;
        this.listener = listener;
        this.address = address;
    }

    /**
     * Listens on every interface at the instance port and advertises the pod IP.
     *
     * @throws IllegalArgumentException naming the variable when FN4J_POD_IP is unset or the port
     *     is not a number
     */
    public static NetworkTransport open(Map<String, String> env, Clock clock, ScheduledExecutorService timers)
            throws IOException {
        String podIp = env.getOrDefault(ENV_POD_IP, "").strip();
        if (podIp.isEmpty()) {
            throw new IllegalArgumentException(ENV_POD_IP + " must be set to the runtime's pod IP (deploy/kubernetes"
                    + " sets it from status.podIP): instances dial the runtime there");
        }
        String portText = env.getOrDefault(ENV_INSTANCE_PORT, "7070").strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_INSTANCE_PORT + " must be a port number: '" + portText + "'");
        }
        InstanceTokens tokens = new InstanceTokens(clock);
        TokenListener listener = TokenListener.open(new InetSocketAddress(port), tokens, LINE_TIMEOUT, timers);
        String host = podIp.contains(":") ? "[" + podIp + "]" : podIp;
        return new NetworkTransport(tokens, listener, host + ":" + listener.port());
    }

    /**
     * Issues the instance's token for {@code hosts} and returns the variables that point its host
     * here: FN4J_RUNTIME_ADDRESS and FN4J_INSTANCE_TOKEN.
     */
    Map<String, String> issue(String instanceId, int connections, Duration ttl, NetworkHosts hosts) {
        String token = tokens.issue(instanceId, connections, ttl, hosts::admit);
        return Map.of(Protocol.ENV_RUNTIME_ADDRESS, address, Protocol.ENV_INSTANCE_TOKEN, token);
    }

    /** Voids the instance's token once its start ended, however it ended. */
    void revoke(String instanceId) {
        tokens.revoke(instanceId);
    }

    @Override
    public void close() {
        listener.close();
    }
}
