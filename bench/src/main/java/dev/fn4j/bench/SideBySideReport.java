package dev.fn4j.bench;

import java.util.List;
import java.util.Locale;

/** The Markdown of the side-by-side wrk runs, the control plane's latency and the memory figures. */
final class SideBySideReport {

    private SideBySideReport() {}

    static void append(StringBuilder md, Report report, Options options) {
        if (!report.sideBySide.isEmpty()) {
            sideBySide(md, report, options);
        }
        if (!report.controlPlane.isEmpty()) {
            md.append("## Control plane while the data plane is busy\n\n");
            md.append("| while | endpoint | requests | p50 | p99 | max | non-200 |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (ControlPlaneProbe.Result r : report.controlPlane) {
                md.append("| ")
                        .append(r.during())
                        .append(" | ")
                        .append(r.endpoint())
                        .append(" | ")
                        .append(r.latency().getTotalCount())
                        .append(" | ")
                        .append(Stats.micros(r.latency().getValueAtPercentile(50)))
                        .append(" | ")
                        .append(Stats.micros(r.latency().getValueAtPercentile(99)))
                        .append(" | ")
                        .append(Stats.micros(r.latency().getMaxValue()))
                        .append(" | ")
                        .append(r.failures())
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!report.memory.isEmpty()) {
            md.append("## Memory\n\n| what | value |\n| --- | ---: |\n");
            report.memory.forEach(
                    (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        for (String note : report.notes) {
            md.append("Note: ").append(note).append("\n\n");
        }
    }

    /** The wrk runs' table and the instances left after the from-deploy runs. */
    private static void sideBySide(StringBuilder md, Report report, Options options) {
        md.append("## Side by side under wrk, ")
                .append(options.string("wrk-seconds"))
                .append(" s per run (naive: ")
                .append(options.string("naive-seconds"))
                .append(" s, at most ")
                .append(options.string("naive-parallel"))
                .append(" containers at once)\n\n");
        md.append("Before these runs each JVM server (fn4j's runtime, on a function of its own deleted after, the GCF")
                .append(" invoker and the in-process echo) had the same JIT warm-up: ")
                .append(options.string("jit-warmup-seconds"))
                .append(" s of wrk at the heaviest connection count measured.\n\n");
        md.append("| connections | target | ok calls/s | p50 | p99 | failed | × in-process | × GCF |\n");
        md.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int connections : options.integers("wrk-connections")) {
            double inProcess = rate(report.sideBySide, SideBySide.IN_PROCESS, connections);
            double gcf = rate(report.sideBySide, SideBySide.GCF, connections);
            for (Wrk.Row r : report.sideBySide) {
                if (r.connections() != connections) {
                    continue;
                }
                md.append("| ")
                        .append(connections)
                        .append(" | ")
                        .append(r.target())
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f", r.callsPerSecond()))
                        .append(" | ")
                        .append(r.p50() <= 0 ? "n/a" : Stats.micros(r.p50()))
                        .append(" | ")
                        .append(r.p99() <= 0 ? "n/a" : Stats.micros(r.p99()))
                        .append(" | ")
                        .append(r.failed())
                        .append(" | ")
                        .append(ratio(r.callsPerSecond(), inProcess))
                        .append(" | ")
                        .append(ratio(r.callsPerSecond(), gcf))
                        .append(" |\n");
            }
        }
        if (!report.sideBySideInstances.isEmpty()) {
            md.append("\nfn4j instances live after the from-deploy run: ");
            StringBuilder parts = new StringBuilder();
            report.sideBySideInstances.forEach((c, n) -> parts.append(parts.length() == 0 ? "" : ", ")
                    .append(c)
                    .append(" connections → ")
                    .append(n));
            md.append(parts).append(".\n");
        }
        if (!report.sideBySideSeconds.isEmpty()) {
            md.append("\nfn4j's calls per second, second by second (the runtime's count, read once a second):\n\n");
            md.append("| connections, run | calls/s in each second |\n| --- | --- |\n");
            report.sideBySideSeconds.forEach((run, seconds) ->
                    md.append("| ").append(run).append(" | ").append(seconds).append(" |\n"));
        }
        md.append('\n');
    }

    private static double rate(List<Wrk.Row> rows, String target, int connections) {
        return rows.stream()
                .filter(r -> r.target().equals(target) && r.connections() == connections)
                .mapToDouble(Wrk.Row::callsPerSecond)
                .findFirst()
                .orElse(-1);
    }

    private static String ratio(double value, double base) {
        return base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value / base);
    }
}
