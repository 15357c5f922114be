package dev.fn4j.runtime.engine;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image the engine holds.
 *
 * @param id the engine's image id, {@code sha256:…}
 * @param tags the image's repository tags, possibly none
 * @param labels the image config's labels
 * @param javaVersion the image config's {@code JAVA_VERSION} environment variable, as
 *     eclipse-temurin images and fn4j's base images set it ({@code jdk-25.0.3+9}); {@code null}
 *     when the image does not say
 */
public record LoadedImage(String id, List<String> tags, Map<String, String> labels, String javaVersion) {

    /** The environment variable that names an image's Java version. */
    public static final String ENV_JAVA_VERSION = "JAVA_VERSION";

    /** jdk-25.0.3+9, 25.0.3, 21-ea, jdk8u412-b08, 1.8.0_412: the digits that lead. */
    private static final Pattern FEATURE = Pattern.compile("^(?:jdk-?)?(\\d+)(?:\\.(\\d+))?");

    public LoadedImage {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }

    /** An image whose Java version is not known. */
    public LoadedImage(String id, List<String> tags, Map<String, String> labels) {
        this(id, tags, labels, null);
    }

    /** The {@code JAVA_VERSION} of an image config's {@code NAME=value} environment; null when unset. */
    static String javaVersionIn(List<String> env) {
        String prefix = ENV_JAVA_VERSION + "=";
        return env.stream()
                .filter(e -> e.startsWith(prefix))
                .map(e -> e.substring(prefix.length()).strip())
                .filter(v -> !v.isEmpty())
                .reduce((first, later) -> later) // like Docker, the last one wins
                .orElse(null);
    }

    /**
     * The feature release of the image's Java ({@code 25} for {@code jdk-25.0.3+9}, {@code 8} for
     * {@code 1.8.0_412}), or 0 when the image does not say or says it in a way not understood.
     */
    public int javaFeature() {
        if (javaVersion == null) {
            return 0;
        }
        Matcher m = FEATURE.matcher(javaVersion.strip());
        if (!m.find()) {
            return 0;
        }
        try {
            int major = Integer.parseInt(m.group(1));
            return major == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : major;
        } catch (NumberFormatException tooLong) {
            return 0;
        }
    }

    /** The handler classes the image's builder listed in its label; empty when it set none. */
    public List<String> handlers() {
        String label = labels.getOrDefault(dev.fn4j.protocol.ImageLayout.LABEL_HANDLERS, "");
        return java.util.Arrays.stream(label.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Whether the image runs its function on a JVM, so that a class-data archive can serve it:
     * images built by the plugin or from a Java upload carry no language label; Python and Go
     * images name theirs.
     */
    public boolean runsOnJvm() {
        String language = labels.get(dev.fn4j.protocol.ImageLayout.LABEL_LANGUAGE);
        return language == null || language.equals("java");
    }
}
