package dev.fn4j.runtime.instance;

import java.security.SecureRandom;

/** Makes the random ids of instances: lower-case hex, unguessable. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** 12 hex digits: short enough for socket paths, which the kernel caps at 107 bytes. */
    public static String instanceId() {
        return hex(6);
    }

    /** The name of an instance's container: {@code fn4j-<function>-<instance id>}, whatever started it. */
    public static String containerName(String function, String instanceId) {
        return "fn4j-" + function + "-" + instanceId;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        char[] out = new char[bytes * 2];
        for (int i = 0; i < bytes; i++) {
            out[2 * i] = HEX[(random[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[random[i] & 0xF];
        }
        return new String(out);
    }
}
