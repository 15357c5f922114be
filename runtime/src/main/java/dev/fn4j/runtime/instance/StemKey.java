package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Which stems can become an instance of a function: the one rule that says when a JVM started
 * before its function was known runs that function as its own image would.
 *
 * <p>A stem runs its platform's JRE and host jar with the function's files linked in and its
 * variables put into {@code System.getenv()}. So the function's image must be one fn4j's builder
 * made (it names its host jar, and starts as {@link ImageLayout#entrypoint()}), and two images
 * share a platform only when both come from the same fn4j base image recipe, Java version and
 * host jar; any other image is its own platform, so only its own stems serve it. The JVM sized its
 * heap from its container's memory and Docker cannot resize a {@code /tmp}, so both are part of
 * the key. Variables the JVM or the C library read when the process starts cannot be given
 * later: a function that sets one always starts in a new container.
 *
 * @param platform what the stem's container runs: base recipe, Java and host jar, or one image
 * @param memoryBytes the container's memory limit
 * @param tmpBytes the size of the container's {@code /tmp}
 */
public record StemKey(String platform, long memoryBytes, long tmpBytes) {

    /** The label fn4j's base images carry with the hash of the script that built them. */
    static final String LABEL_BASE_RECIPE = "dev.fn4j.base-recipe";

    /** Variables read when the process or the JVM starts (JAVA_TOOL_OPTIONS among the prefixes). */
    private static final Set<String> START_VARIABLES =
            Set.of("CLASSPATH", "HOME", "LANG", "LANGUAGE", "PATH", "TMPDIR", "TZ", "_JAVA_OPTIONS");

    private static final Set<String> START_PREFIXES = Set.of("LD_", "LC_", "MALLOC_", "GLIBC_", "JAVA_", "JDK_");

    /**
     * The key of the stems that can run the function, or {@code null} when none can: its image
     * is not known or not a JVM image from fn4j's builder, or it sets a variable read at start.
     */
    public static StemKey of(FunctionSpec spec, LoadedImage image) {
        if (!servable(image)) {
            return null;
        }
        String host = image.labels().get(ImageLayout.LABEL_HOST_DIGEST);
        for (String name : spec.env().keySet()) {
            if (readAtStart(name)) {
                return null;
            }
        }
        String recipe = image.labels().get(LABEL_BASE_RECIPE);
        String java = image.javaVersion();
        String platform = recipe == null || recipe.isBlank() || java == null || java.isBlank()
                ? "image " + image.id()
                : "base " + recipe.strip() + ", Java " + java.strip() + ", host " + host.strip();
        return new StemKey(platform, spec.memoryBytes(), spec.tmpBytes());
    }

    /** Whether a stem can run a function of this image: fn4j's builder made it, for a JVM. */
    static boolean servable(LoadedImage image) {
        if (image == null || !image.runsOnJvm()) {
            return false;
        }
        String host = image.labels().get(ImageLayout.LABEL_HOST_DIGEST);
        return host != null && !host.isBlank();
    }

    /** Whether the JVM or the C library reads the variable when the process starts. */
    static boolean readAtStart(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (START_VARIABLES.contains(upper)) {
            return true;
        }
        for (String prefix : START_PREFIXES) {
            if (upper.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A short, stable name of the key for a container label: 16 hex digits of its SHA-256. */
    public String label() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((platform + "|" + memoryBytes + "|" + tmpBytes).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
