package dev.fn4j.protocol;

import java.util.List;

/**
 * Where a function image keeps its parts and how it starts; the image builder and the runtime
 * both follow it, so it lives in one place.
 */
public final class ImageLayout {

    /** The shaded host jar; it also carries fn4j-api, so the user's copy is left out. */
    public static final String HOST_JAR = "/app/host/fn4j-host.jar";

    public static final String LIBS_DIR = "/app/libs";
    public static final String SNAPSHOT_LIBS_DIR = "/app/snapshot-libs";
    public static final String RESOURCES_DIR = "/app/resources";
    public static final String CLASSES_DIR = "/app/classes";
    public static final String WORKING_DIR = "/app";

    /** The host's main class. */
    public static final String MAIN_CLASS = "dev.fn4j.host.Main";

    /** The uid:gid instances run as; not root, and present in no base image's sudoers. */
    public static final String USER = "65532:65532";

    /** Image labels that describe the function packed into an image. */
    public static final String LABEL_HANDLERS = "dev.fn4j.handlers";

    public static final String LABEL_API_VERSION = "dev.fn4j.api-version";

    /** The language of the function and its host ({@code python}, {@code go}); absent on Java images. */
    public static final String LABEL_LANGUAGE = "dev.fn4j.language";

    /**
     * {@code sha256:<hex>} of the host jar's bytes, set by the image builder: with the image's
     * Java version it names the platform whose class-data archive every function on it shares.
     */
    public static final String LABEL_HOST_DIGEST = "dev.fn4j.host-digest";

    /** Host jar first, so its fn4j-api classes win over any copy among the libraries. */
    public static final String CLASSPATH =
            String.join(":", HOST_JAR, RESOURCES_DIR, CLASSES_DIR, SNAPSHOT_LIBS_DIR + "/*", LIBS_DIR + "/*");

    /**
     * The JVM flags every instance starts with: a small serial-GC JVM that sizes its heap from
     * the container's memory limit. The host itself reports an OutOfMemoryError as a fatal
     * {@code out_of_memory} platform error and halts, so the instance is never reused.
     */
    public static final List<String> JVM_FLAGS =
            List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=70", "-Xss512k", "-Djava.io.tmpdir=/tmp");

    private ImageLayout() {}

    /**
     * The image's entrypoint. {@code java} is found through the image's PATH, so any JRE base
     * image works (eclipse-temurin keeps it in /opt/java/openjdk/bin).
     */
    public static List<String> entrypoint() {
        List<String> command = new java.util.ArrayList<>();
        command.add("java");
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(CLASSPATH);
        command.add(MAIN_CLASS);
        return List.copyOf(command);
    }
}
