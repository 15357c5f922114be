package dev.fn4j.runtime.source;

/**
 * The limits an uploaded archive is held to before anything of it is built; each one is a runtime
 * option (docs/api.md). All are positive.
 *
 * @param maxUploadBytes the largest body accepted ({@code --max-source-bytes})
 * @param maxUnpackedBytes the most bytes all entries may inflate to ({@code --max-source-unpacked-bytes})
 * @param maxEntries the most entries, directories included ({@code --max-source-entries})
 * @param maxRatio the most an entry may inflate per compressed byte ({@code --max-source-ratio})
 * @param maxDepth the most path segments an entry name may have ({@code --max-source-depth})
 */
public record SourceLimits(long maxUploadBytes, long maxUnpackedBytes, int maxEntries, int maxRatio, int maxDepth) {

    /** 256 MiB in, 1 GiB out, 50 000 entries, 200 to 1, 32 levels. */
    public static final SourceLimits DEFAULTS =
            new SourceLimits(256L * 1024 * 1024, 1024L * 1024 * 1024, 50_000, 200, 32);

    /**
     * Bytes an entry may inflate to before its ratio is checked: a small file of zeros compresses
     * a thousandfold and is harmless; a bomb is big.
     */
    static final long RATIO_FREE_BYTES = 1024 * 1024;

    public SourceLimits {
        positive("maxUploadBytes", maxUploadBytes);
        positive("maxUnpackedBytes", maxUnpackedBytes);
        positive("maxEntries", maxEntries);
        positive("maxRatio", maxRatio);
        positive("maxDepth", maxDepth);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
