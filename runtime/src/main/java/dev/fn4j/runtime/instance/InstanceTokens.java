package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.TokenPreamble;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The tokens of instances that will dial the runtime's instance port: one random token per
 * instance, good for as many connections as the instance has slots, until it expires. Safe for
 * concurrent use; a grant changes only inside the map's atomic compute.
 */
public final class InstanceTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    /** Instance id to its grant; a grant leaves when spent, expired or revoked. */
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /**
     * @param token {@link TokenPreamble#TOKEN_BYTES} random bytes
     * @param left connections the token still admits, at least 1
     * @param sink where an admitted connection goes: the instance waiting for its hosts
     */
    private record Grant(byte[] token, Instant expires, int left, Consumer<SocketChannel> sink) {}

    public InstanceTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues the instance's token, replacing any earlier one, and returns it as the 64 hex digits
     * of {@code FN4J_INSTANCE_TOKEN}.
     *
     * @param connections how many connections it admits: the instance's concurrency
     * @param ttl how long it admits them: the instance's start timeout
     */
    public String issue(String instanceId, int connections, Duration ttl, Consumer<SocketChannel> sink) {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(sink, "sink");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be positive: " + connections);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        byte[] token = new byte[TokenPreamble.TOKEN_BYTES];
        RANDOM.nextBytes(token);
        grants.put(instanceId, new Grant(token, clock.instant().plus(ttl), connections, sink));
        return HEX.formatHex(token);
    }

    /**
     * Where the connection that presented this goes, using up one of the token's connections; or
     * {@code null} when it is refused: no such instance, a wrong token (compared in constant
     * time), a token already spent or expired.
     */
    public Consumer<SocketChannel> admit(TokenPreamble.Presented presented) {
        AtomicReference<Consumer<SocketChannel>> admitted = new AtomicReference<>();
        Instant now = clock.instant();
        grants.computeIfPresent(presented.instanceId(), (id, grant) -> {
            if (!now.isBefore(grant.expires())) {
                return null;
            }
            if (!MessageDigest.isEqual(grant.token(), presented.token())) {
                return grant;
            }
            admitted.set(grant.sink());
            return grant.left() == 1 ? null : new Grant(grant.token(), grant.expires(), grant.left() - 1, grant.sink());
        });
        return admitted.get();
    }

    /** Voids the instance's token, if it has one; for a start that ended, however it ended. */
    public void revoke(String instanceId) {
        grants.remove(instanceId);
    }

    /** How many instances hold a token now; for tests and metrics. */
    public int outstanding() {
        return grants.size();
    }
}
