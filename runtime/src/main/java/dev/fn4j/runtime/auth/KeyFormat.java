package dev.fn4j.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a key, {@code fn4j_<12 hex id>_<43 base64url secret>}: the id finds the stored
 * key, the secret proves possession. Secrets carry 256 random bits, so a plain SHA-256 of them
 * is a safe thing to store.
 */
public final class KeyFormat {

    private static final Pattern KEY = Pattern.compile("fn4j_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFormat() {}

    /** A key's two parts. */
    public record Parsed(String id, String secret) {}

    /** Splits a presented key, or returns null when it does not have the shape of one. */
    public static Parsed parse(String key) {
        if (key == null) {
            return null;
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? new Parsed(m.group(1), m.group(2)) : null;
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

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares a presented secret with a stored hash in time independent of where they differ. */
    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
