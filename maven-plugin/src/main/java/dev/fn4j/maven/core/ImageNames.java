package dev.fn4j.maven.core;

import java.util.Locale;

/** The image name fn4j gives a project's image when the user names none. */
public final class ImageNames {

    private ImageNames() {}

    /**
     * {@code fn4j/<artifactId>:<version>}, both made valid for an image reference: the
     * repository in lower case with other characters turned into '-', the tag with characters a
     * tag may not have turned into '_'.
     */
    public static String defaultName(String artifactId, String version) {
        String repository = artifactId
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "")
                .replaceAll("[^a-z0-9]+$", "")
                .replaceAll("[._-]{2,}", "-");
        if (repository.isEmpty()) {
            repository = "function";
        }
        String tag = version == null || version.isBlank() ? "latest" : version.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!Character.isLetterOrDigit(tag.charAt(0)) && tag.charAt(0) != '_') {
            tag = "_" + tag;
        }
        if (tag.length() > 128) {
            tag = tag.substring(0, 128);
        }
        return "fn4j/" + repository + ":" + tag;
    }
}
