package dev.fn4j.bench;

import dev.fn4j.protocol.ImageLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting the cold-start function's container, a lever or a mix of levers: extra
 * JVM flags, the revision's class-data-sharing archive, a container created ahead of need.
 *
 * @param name how the report names it
 * @param jvmFlags flags put right after {@code java}, before the image's own
 * @param cds whether the JVM maps the trained AppCDS archive from its socket directory
 * @param stemCell whether the container was created before the call needed it (create untimed)
 * @param network the container's network mode: {@code none}, or {@code default} on an engine
 *     without a default bridge (the runtime's choice there, see the runtime's NetworkIsolation)
 */
record ColdStartVariant(String name, List<String> jvmFlags, boolean cds, boolean stemCell, String network) {

    ColdStartVariant(String name, List<String> jvmFlags, boolean cds, boolean stemCell) {
        this(name, jvmFlags, cds, stemCell, "default");
    }

    /** Where a variant with {@link #cds} finds the archive inside the container. */
    static final String ARCHIVE = "/fn4j/app.jsa";

    /** Logs the JVM's own "Create VM" time to stdout, for the JVM-start phase; every variant has it. */
    static final String STARTUP_LOG = "-Xlog:startuptime";

    /** The variants the report compares, baseline first. */
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

    /** The container's command: the image's entrypoint with this variant's flags after {@code java}. */
    List<String> command(List<String> extra) {
        List<String> entrypoint = ImageLayout.entrypoint();
        List<String> command = new ArrayList<>();
        command.add(STARTUP_LOG);
        command.addAll(jvmFlags);
        command.addAll(extra);
        if (cds) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        command.addAll(entrypoint.subList(1, entrypoint.size()));
        return command;
    }
}
