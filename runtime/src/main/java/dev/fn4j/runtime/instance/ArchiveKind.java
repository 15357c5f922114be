package dev.fn4j.runtime.instance;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.protocol.Protocol;
import java.util.List;
import java.util.Map;

/**
 * Which class-data archive a function's JVM trains and maps, by its Java release: the one place
 * that says which flags go with which JVM. Both kinds are written by a training run when its JVM
 * exits and are refused, never fatal, by a JVM that cannot use them (it starts without).
 *
 * <p>Invariant: a kind's file name and extension are its own, so a stored archive says by its
 * name which flags map it, and an archive of one kind never reaches a JVM with the other's flags.
 * A training run and the instances that map its archive get the same class path, up to the
 * function's own entries: an archive is shared by every function on a platform ({@link ArchiveKey}),
 * so it must not depend on them. It does not: the JVM's application loader loads only the host's
 * classes (the host's own loader, whose parent is the platform loader, loads the function's), and
 * the JVM checks the dump-time class path only up to the last entry a class was archived from,
 * which is the host jar, first on both. Checked on JDK 17 with {@code -Xshare:on}: an AppCDS
 * archive dumped with one function's expanded {@code -cp} maps all its classes in a JVM started
 * with another's (more, fewer or other jars and directories after the host jar), and is refused
 * only when the host jar is not first. The AOT cache gets the host jar alone anyway.
 */
public enum ArchiveKind {
    /**
     * A dynamic AppCDS archive (JEP 350, Java 13+): the classes the run loaded, parsed and
     * verified, mapped on top of the JRE's default CDS archive.
     */
    APP_CDS("app.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile="),
    /**
     * An AOT cache (JEP 483 and 514, Java 25+): the classes loaded and linked, with their
     * initialised state and the run's method profiles. The training JVM writes it at exit through
     * a child JVM in the same container (a second or two more, and its heap, inside the limit).
     * Java 25 refuses to write or map one for a class path with a non-empty directory (the image's
     * /app/classes and /app/resources): the JVM's class path is the host's jar alone (the engine
     * drops the entrypoint's {@code -cp} for it), and the host finds the function's in
     * {@link Protocol#ENV_CLASS_PATH}. Its own loader loads the function either way, so the cache
     * holds the same classes an AppCDS archive would: the JDK's and the host's. An image whose host
     * predates that variable fails its training run, keeps no cache and starts as before.
     */
    AOT_CACHE("app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=");

    /** The JVM option that gives an AOT-cache JVM the host's jar alone as its class path. */
    public static final String HOST_JAR_ONLY = "-Djava.class.path=" + ImageLayout.HOST_JAR;

    /** The first release whose JVM trains an AOT cache in one run ({@code -XX:AOTCacheOutput}). */
    public static final int AOT_CACHE_SINCE = 25;

    private final String file;

    private final String trainOption;
    private final String mapOption;

    ArchiveKind(String file, String trainOption, String mapOption) {
        this.file = file;
        this.trainOption = trainOption;
        this.mapOption = mapOption;
    }

    /**
     * The kind for a JVM of feature release {@code javaFeature}; 0 (not known) gets the AppCDS
     * archive, which every JVM the base images ship (17 and later) understands.
     */
    public static ArchiveKind forJava(int javaFeature) {
        return javaFeature >= AOT_CACHE_SINCE ? AOT_CACHE : APP_CDS;
    }

    /** The file's name, in a training run's directory and in an instance's socket directory. */
    public String file() {
        return file;
    }

    /** The file extension a stored archive of this kind has. */
    String extension() {
        return file.substring(file.lastIndexOf('.'));
    }

    /** The options that make a JVM write this kind of archive to {@code path} when it exits. */
    public List<String> train(String path) {
        return withClassPath(trainOption + path);
    }

    /** The options that make a JVM map the archive at {@code path}. */
    public List<String> map(String path) {
        return withClassPath(mapOption + path);
    }

    /** The option, with the class path the training run and the instances that map it share. */
    private List<String> withClassPath(String option) {
        return this == AOT_CACHE ? List.of(option, HOST_JAR_ONLY) : List.of(option);
    }

    /** The host's environment that goes with {@code jvmOptions}: where the function's classes are. */
    public static Map<String, String> env(List<String> jvmOptions) {
        return jvmOptions.contains(HOST_JAR_ONLY) ? Map.of(Protocol.ENV_CLASS_PATH, ImageLayout.CLASSPATH) : Map.of();
    }
}
