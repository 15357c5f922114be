package dev.fn4j.runtime.auth;

import java.net.InetAddress;

/**
 * Whether a request is let through without a key because it comes from this machine: only when
 * the runtime was started with {@code --open-loopback} (as {@code mvn fn:run} starts it), only
 * for what an {@code invoke} key may do, and only when the connection's remote address is a
 * loopback one. A key it presents is then not checked (a developer's settings.xml may hold the
 * key of another runtime); admin routes check keys as always.
 *
 * <p>Invariant: the decision reads the TCP peer's address, never a header such as
 * {@code X-Forwarded-For}, which any client can write.
 */
public final class LoopbackTrust {

    /** Trusts nobody: the default. */
    public static final LoopbackTrust OFF = new LoopbackTrust(false);

    /** Trusts loopback connections for the {@code invoke} scope. */
    public static final LoopbackTrust ON = new LoopbackTrust(true);

    private final boolean enabled;

    private LoopbackTrust(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@link #ON} when {@code enabled}, else {@link #OFF}. */
    public static LoopbackTrust of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    /** Whether loopback connections are trusted at all. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether a request needing {@code required} goes through without a key.
     *
     * @param remote the connection's peer address; null when unknown (then: no)
     */
    public boolean lets(InetAddress remote, Scope required) {
        return enabled && remote != null && remote.isLoopbackAddress() && Scope.INVOKE.covers(required);
    }
}
