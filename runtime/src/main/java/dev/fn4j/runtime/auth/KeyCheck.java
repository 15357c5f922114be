package dev.fn4j.runtime.auth;

/**
 * What a presented key proved: a key that works, a genuine key that has expired, or nothing. Only
 * a presented secret that matches tells a key apart from nothing, so an unknown key learns
 * nothing.
 */
public sealed interface KeyCheck {

    /** The text proves no key: it is unknown, revoked or mistyped. */
    KeyCheck INVALID = new Invalid();

    /** The key is genuine and works. */
    record Valid(ApiKey key) implements KeyCheck {}

    /** The key is genuine but expired at {@code key.expiresAt()}. */
    record Expired(ApiKey key) implements KeyCheck {}

    /** See {@link #INVALID}. */
    record Invalid() implements KeyCheck {}
}
