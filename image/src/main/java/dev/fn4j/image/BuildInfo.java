package dev.fn4j.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The fn4j version this module belongs to, written into every image it builds. */
public final class BuildInfo {

    private static final String RESOURCE = "fn4j-image.properties";
    /** Resolved once: the resource is filtered at build time and never changes. */
    private static final String VERSION = readVersion();

    private BuildInfo() {}

    /** The fn4j version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").strip();
                // An unfiltered resource (run from an IDE without Maven) still says ${...}.
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String fromManifest = BuildInfo.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
