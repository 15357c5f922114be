package dev.fn4j.runtime.invocation;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The ids the runtime gives its calls: 32 lower-case hex digits, the time in milliseconds (12
 * digits) and then 20 random ones. The random part keeps an id unguessable, since a call's id
 * reads its record; the time in front keeps new ids in ascending order and tells the store which
 * second a call's record is filed under, without an index on ids.
 */
public final class CallIds {

    /** Returned by {@link #millisOf} for an id that is not in this format. */
    public static final long NO_TIME = -1;

    private static final int TIME_DIGITS = 12;
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CallIds() {}

    /** A new id, made now. */
    public static String newId() {
        return newId(System.currentTimeMillis());
    }

    /** A new id that names {@code millis} as its time. */
    public static String newId(long millis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(millis).substring(16 - TIME_DIGITS) + hex.formatHex(random);
    }

    /**
     * The time in milliseconds an id made by {@link #newId} starts with, or {@link #NO_TIME} for
     * any other string (an id from an older runtime, or one a test made up).
     */
    public static long millisOf(String id) {
        if (id == null || id.length() != LENGTH) {
            return NO_TIME;
        }
        long millis = 0;
        for (int i = 0; i < LENGTH; i++) {
            int digit = Character.digit(id.charAt(i), 16);
            if (digit < 0 || Character.isUpperCase(id.charAt(i))) {
                return NO_TIME;
            }
            if (i < TIME_DIGITS) {
                millis = millis << 4 | digit;
            }
        }
        return millis;
    }
}
