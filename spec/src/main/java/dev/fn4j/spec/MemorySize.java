package dev.fn4j.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes as fn4j writes them: a whole number of mebibytes or gibibytes, {@code 256m}, {@code 2g}. */
public final class MemorySize {

    /** One mebibyte in bytes. */
    public static final long MIB = 1024L * 1024;
    /** One gibibyte in bytes. */
    public static final long GIB = 1024 * MIB;

    // Either case: the runtime's API always took 256M, and refusing it now would break callers.
    private static final Pattern MEMORY = Pattern.compile("([0-9]{1,9})([mMgG])");

    private MemorySize() {}

    /** Parses {@code 256m} or {@code 1g} into bytes; -1 when the text has another shape. */
    public static long parseBytes(String value) {
        Matcher m = value == null ? null : MEMORY.matcher(value);
        if (m == null || !m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equalsIgnoreCase("g") ? n * GIB : n * MIB;
    }

    /** {@code 1g} for whole gibibytes, otherwise mebibytes: {@code 256m}. */
    public static String format(long bytes) {
        return bytes % GIB == 0 ? bytes / GIB + "g" : bytes / MIB + "m";
    }
}
