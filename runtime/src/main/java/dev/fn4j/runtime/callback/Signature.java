package dev.fn4j.runtime.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Fn4j-Signature} of a callback: {@code t=<unix seconds>,v1=<hex>}, where the hex is
 * HMAC-SHA256, keyed with the function's callback secret (its text as UTF-8), of the timestamp,
 * a '.', and the raw body. A receiver recomputes it, compares in constant time, and refuses old
 * timestamps so that a recorded callback cannot be replayed.
 */
public final class Signature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Fn4j-Signature";

    private Signature() {}

    /** The header's value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /** Whether {@code header} is a valid signature of {@code body} by {@code secret}. */
    public static boolean verify(String secret, String header, byte[] body) {
        if (header == null) {
            return false;
        }
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=") && part.substring(2).matches("\\d{1,18}")) {
                t = Long.parseLong(part.substring(2));
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t < 0 || v1 == null || !v1.matches("[0-9a-f]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, t, body), HexFormat.of().parseHex(v1));
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
