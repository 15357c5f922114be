package dev.fn4j.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shape of a key, {@code fn4j_<12 hex id>_<43 base64url secret>}: the id finds the stored
 * key, the secret proves possession. Secrets carry 256 random bits, so a plain SHA-256 of them
 * is a safe thing to store.
 */
public final class KeyFormat {

    private static final String PREFIX = "fn4j_";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_LENGTH = 43;
    /** Where the secret starts: after the prefix, the id and the '_' between them. */
    private static final int SECRET_AT = PREFIX.length() + ID_LENGTH + 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** One digest per thread: every call with a key hashes its secret, and getInstance allocates. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private KeyFormat() {}

    /** A key's two parts. */
    public record Parsed(String id, String secret) {}

    /** Splits a presented key, or returns null when it does not have the shape of one. */
    public static Parsed parse(String key) {
        // Checked by hand, not by a regular expression: every call with a key is parsed.
        if (key == null
                || key.length() != SECRET_AT + SECRET_LENGTH
                || !key.startsWith(PREFIX)
                || key.charAt(SECRET_AT - 1) != '_') {
            return null;
        }
        for (int i = PREFIX.length(); i < SECRET_AT - 1; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        for (int i = SECRET_AT; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return null;
            }
        }
        return new Parsed(key.substring(PREFIX.length(), SECRET_AT - 1), key.substring(SECRET_AT));
    }

    /** A new random key. */
    public static String generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "fn4j_" + HexFormat.of().formatHex(id) + "_"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The SHA-256 of a secret in hex, as stored. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Compares a presented secret with a stored hash in time independent of where they differ. */
    public static boolean matches(String secret, String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(secret), stored);
    }

    private static byte[] digest(String secret) {
        // digest() resets the instance, so the thread's next use starts clean.
        return SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
