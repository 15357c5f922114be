package dev.fn4j.runtime.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Computes layer chain ids, the ids an engine stores a stack of layers by, as the OCI image spec
 * defines ChainID: {@code chain(d1) = d1} and {@code chain(d1..dk) = "sha256:" +
 * hex(sha256(chain(d1..dk-1) + " " + dk))}, where {@code d1..dk} are the layers' diff ids.
 */
public final class LayerChains {

    /** A layer's diff id: the digest of its uncompressed tar, as an image config lists it. */
    public static final Pattern DIFF_ID = Pattern.compile("sha256:[0-9a-f]{64}");

    private LayerChains() {}

    /**
     * The chain id of every leading run of {@code diffIds}: element {@code k} is the chain id of
     * the first {@code k + 1} layers.
     *
     * @throws IllegalArgumentException when an entry is not {@code sha256:} and 64 lower-case hex
     *     digits
     */
    static List<String> of(List<String> diffIds) {
        Objects.requireNonNull(diffIds, "diffIds");
        List<String> chains = new ArrayList<>(diffIds.size());
        String chain = null;
        for (String diffId : diffIds) {
            if (diffId == null || !DIFF_ID.matcher(diffId).matches()) {
                throw new IllegalArgumentException(
                        "not a diff id (sha256: and 64 lower-case hex" + " digits): '" + diffId + "'");
            }
            chain = chain == null ? diffId : "sha256:" + sha256Hex(chain + " " + diffId);
            chains.add(chain);
        }
        return chains;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
