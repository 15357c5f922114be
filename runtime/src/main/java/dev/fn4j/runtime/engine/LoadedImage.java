package dev.fn4j.runtime.engine;

import java.util.List;
import java.util.Map;

/**
 * An image the engine holds.
 *
 * @param id the engine's image id, {@code sha256:…}
 * @param tags the image's repository tags, possibly none
 * @param labels the image config's labels
 */
public record LoadedImage(String id, List<String> tags, Map<String, String> labels) {
    public LoadedImage {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
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
