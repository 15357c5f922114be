package dev.fn4j.host;

import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.TokenPreamble;
import java.util.Map;

/**
 * The runtime's instance port and this instance's token, when the runtime asked for the network
 * transport (FN4J_RUNTIME_ADDRESS); each connection starts with the token line.
 *
 * @param host the runtime's host name or address; never blank
 * @param port 1 to 65535
 * @param preamble the token line this instance writes first on every connection
 */
record NetworkEndpoint(String host, int port, byte[] preamble) {

    /**
     * The endpoint the environment names, or {@code null} when FN4J_RUNTIME_ADDRESS is unset (the
     * Unix socket transport).
     *
     * @throws StartupException with {@link Exit#BAD_HANDLER} when the address or the token is invalid
     */
    static NetworkEndpoint fromEnv(Map<String, String> env) throws StartupException {
        String address = env.getOrDefault(Protocol.ENV_RUNTIME_ADDRESS, "").trim();
        if (address.isEmpty()) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (port < 1 || port > 65535) {
            throw new StartupException(
                    Exit.BAD_HANDLER, Protocol.ENV_RUNTIME_ADDRESS + " must be host:port: '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            byte[] preamble = TokenPreamble.encode(
                    env.getOrDefault(Protocol.ENV_INSTANCE_ID, ""), env.getOrDefault(Protocol.ENV_INSTANCE_TOKEN, ""));
            return new NetworkEndpoint(host, port, preamble);
        } catch (IllegalArgumentException e) {
            throw new StartupException(
                    Exit.BAD_HANDLER,
                    "the network transport needs " + Protocol.ENV_INSTANCE_ID + " and " + Protocol.ENV_INSTANCE_TOKEN
                            + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        // Never the preamble: it carries the token.
        return host + ":" + port;
    }
}
