package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.LoadedImage;
import dev.fn4j.runtime.function.Function;
import java.util.regex.Pattern;

/**
 * Which stored class-data archive serves a function revision: the one rule that says whether an
 * archive is shared by every function on a platform or kept for one revision.
 *
 * <p>An image that names its host jar ({@link ImageLayout#LABEL_HOST_DIGEST}) and its Java
 * ({@link LoadedImage#javaVersion()}) is keyed by that platform: its archive holds the JDK's and
 * the host's classes only (the host's own loader loads the function's, and those are never
 * archived), which are the same for every function built on that JRE with that host jar, so the
 * first start of a new revision, and of every other function on the platform, maps it. Any other
 * image is keyed, exactly as before, by function, revision and image id.
 *
 * <p>Invariants: a platform key lives under {@link #PLATFORM_DIR}, a name no function can have
 * (function names start with a letter), so forgetting a function never deletes it; a revision key
 * lives under its function's name. Two JREs that report the same {@code JAVA_VERSION} but are
 * different builds share a key: the second's JVM refuses the first's archive and starts without
 * it ({@code -Xshare:auto} and {@code -XX:AOTMode=auto} are the defaults), which costs that JRE
 * the sharing, never a start.
 *
 * @param directory the directory under the archives' root
 * @param name the stored file's name without its kind's extension
 * @param description what the key serves, for logs
 */
record ArchiveKey(String directory, String name, String description) {

    /** The directory of the platform archives under the archives' root. */
    static final String PLATFORM_DIR = "_platform";

    private static final Pattern HOST_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    /** The key of the revision's archive; {@code image} is null when the engine's image is not known. */
    static ArchiveKey of(Function function, LoadedImage image) {
        String digest = image == null ? null : image.labels().get(ImageLayout.LABEL_HOST_DIGEST);
        String java = image == null ? null : image.javaVersion();
        if (digest == null || !HOST_DIGEST.matcher(digest).matches() || java == null || java.isBlank()) {
            return ofRevision(function);
        }
        String hex = digest.substring("sha256:".length());
        // The kind is the extension, which the Java version decides (ArchiveKind.forJava).
        String name = safe(java.strip()) + "-host-" + hex;
        return new ArchiveKey(
                PLATFORM_DIR, name, "the platform (Java " + java.strip() + ", host " + hex.substring(0, 12) + ")");
    }

    /** The key of the revision's own archive: function, revision and image id. */
    static ArchiveKey ofRevision(Function function) {
        String image = function.spec().image().replace("sha256:", "");
        String name = function.revision() + "-" + image.substring(0, Math.min(16, image.length()));
        return new ArchiveKey(function.name(), safe(name), function.name() + " r" + function.revision());
    }

    /** Whether every function on the platform shares the archive. */
    boolean shared() {
        return directory.equals(PLATFORM_DIR);
    }

    private static String safe(String name) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
