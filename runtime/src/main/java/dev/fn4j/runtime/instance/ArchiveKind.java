package dev.fn4j.runtime.instance;

import java.util.List;

/**
 * Which class-data archive a function's JVM trains and maps, by its Java release: the one place
 * that says which flags go with which JVM. Both kinds are written by a training run when its JVM
 * exits and are refused, never fatal, by a JVM that cannot use them (it starts without).
 *
 * <p>Invariant: a kind's file name and extension are its own, so a stored archive says by its
 * name which flags map it, and an archive of one kind never reaches a JVM with the other's flags.
 */
enum ArchiveKind {
    /**
     * A dynamic AppCDS archive (JEP 350, Java 13+): the classes the run loaded, parsed and
     * verified, mapped on top of the JRE's default CDS archive.
     */
    APP_CDS("app.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile="),
    /**
     * An AOT cache (JEP 483 and 514, Java 25+): the classes loaded and linked, with their
     * initialised state and the run's method profiles. The training JVM writes it at exit through
     * a child JVM in the same container (a second or two more, and its heap, inside the limit).
     */
    AOT_CACHE("app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=");

    /** The first release whose JVM trains an AOT cache in one run ({@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_SINCE = 25;

    /** The file's name, in a training run's directory and in an instance's socket directory. */
    final String file;

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
    static ArchiveKind forJava(int javaFeature) {
        return javaFeature >= AOT_CACHE_SINCE ? AOT_CACHE : APP_CDS;
    }

    /** The file extension a stored archive of this kind has. */
    String extension() {
        return file.substring(file.lastIndexOf('.'));
    }

    /** The options that make a JVM write this kind of archive to {@code path} when it exits. */
    List<String> train(String path) {
        return List.of(trainOption + path);
    }

    /** The options that make a JVM map the archive at {@code path}. */
    List<String> map(String path) {
        return List.of(mapOption + path);
    }
}
