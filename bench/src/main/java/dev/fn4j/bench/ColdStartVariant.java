package dev.fn4j.bench;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.instance.ArchiveKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting the cold-start function's container, a lever or a mix of levers: extra
 * JVM flags, the revision's class-data archive (AppCDS or JDK 25's AOT cache, with the runtime's
 * own flags from {@link ArchiveKind}), a container created ahead of need, the JDK 25 image.
 *
 * @param name how the report names it
 * @param jvmFlags flags put right after {@code java}, before the image's own
 * @param archive the trained archive the JVM maps from its socket directory, or null for none
 * @param stemCell whether the container was created before the call needed it (create untimed)
 * @param network the container's network mode: {@code none}, or {@code default} on an engine
 *     without a default bridge (the runtime's choice there, see the runtime's NetworkIsolation)
 * @param jdk25 whether it runs the image built on the JRE 25 base ({@code -Dbase25})
 */
record ColdStartVariant(
        String name, List<String> jvmFlags, ArchiveKind archive, boolean stemCell, String network, boolean jdk25) {

    ColdStartVariant(String name, List<String> jvmFlags, boolean cds, boolean stemCell, String network) {
        this(name, jvmFlags, cds ? ArchiveKind.APP_CDS : null, stemCell, network, false);
    }

    ColdStartVariant(String name, List<String> jvmFlags, boolean cds, boolean stemCell) {
        this(name, jvmFlags, cds, stemCell, "default");
    }

    /** Logs the JVM's own "Create VM" time to stdout, for the JVM-start phase; every variant has it. */
    static final String STARTUP_LOG = "-Xlog:startuptime";

    /** The variants the report compares, baseline first ({@code -Dvariants=levers}, the default). */
    static List<ColdStartVariant> all() {
        List<String> light = List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
        return List.of(
                new ColdStartVariant(
                        "baseline: `--network none`, the image's entrypoint", List.of(), false, false, "none"),
                new ColdStartVariant(
                        "network namespace without the hook (`default`, no bridge)", List.of(), false, false),
                new ColdStartVariant("no hook + -XX:-UsePerfData", List.of("-XX:-UsePerfData"), false, false),
                new ColdStartVariant(
                        "no hook + -XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"), false, false),
                new ColdStartVariant("no hook + AppCDS archive of the revision", List.of(), true, false),
                new ColdStartVariant("no hook + AppCDS + C1 only + -UsePerfData", light, true, false),
                new ColdStartVariant("no hook + stem cell (created ahead)", List.of(), false, true),
                new ColdStartVariant("no hook + stem cell + AppCDS", List.of(), true, true));
    }

    /** JDK 17 against JDK 25, each with the archive the runtime gives it ({@code -Dvariants=jdk}). */
    static List<ColdStartVariant> jdk() {
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        return List.of(
                new ColdStartVariant("JDK 17, no archive", List.of(), null, false, "default", false),
                new ColdStartVariant(
                        "JDK 17 + AppCDS (the runtime on 17)", List.of(), ArchiveKind.APP_CDS, false, "default", false),
                new ColdStartVariant("JDK 25, no archive", List.of(), null, false, "default", true),
                new ColdStartVariant(
                        "JDK 25 + AOT cache (the runtime on 25)",
                        List.of(),
                        ArchiveKind.AOT_CACHE,
                        false,
                        "default",
                        true),
                new ColdStartVariant(
                        "JDK 25 + AOT cache + C1 only", c1, ArchiveKind.AOT_CACHE, false, "default", true));
    }

    /** The variants {@code -Dvariants} names: {@code levers} (default) or {@code jdk}. */
    static List<ColdStartVariant> named(String which) {
        return switch (which) {
            case "levers" -> all();
            case "jdk" -> jdk();
            default -> throw new IllegalArgumentException("-Dvariants must be levers or jdk: '" + which + "'");
        };
    }

    /** The options that map this variant's archive from the container's /fn4j, none without one. */
    List<String> archiveOptions() {
        return archive == null ? List.of() : archive.map("/fn4j/" + archive.file());
    }

    /** The host's environment beyond the greeter's: where its classes are, when the JVM's class path is the host's alone. */
    Map<String, String> env() {
        return ArchiveKind.env(archiveOptions());
    }

    /** The container's command: the image's entrypoint with this variant's flags after {@code java}. */
    List<String> command(List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(STARTUP_LOG);
        command.addAll(jvmFlags);
        command.addAll(extra);
        command.addAll(archiveOptions());
        command.addAll(entrypointArgs(command));
        return command;
    }

    /**
     * The image entrypoint's arguments after {@code java}, without its class path when
     * {@code options} set the JVM's own (as the runtime's ContainerLauncher does).
     */
    static List<String> entrypointArgs(List<String> options) {
        List<String> args = new ArrayList<>(
                ImageLayout.entrypoint().subList(1, ImageLayout.entrypoint().size()));
        if (options.contains(ArchiveKind.HOST_JAR_ONLY)) {
            int cp = args.indexOf("-cp");
            args.remove(cp + 1);
            args.remove(cp);
        }
        return args;
    }
}
