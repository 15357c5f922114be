package dev.fn4j.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collected results and their Markdown. */
final class Report {
    Instant started;
    Instant finished;
    Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, Long> setup = new LinkedHashMap<>();
    final Map<String, List<Long>> cold = new LinkedHashMap<>();
    final List<LoadResult> latency = new ArrayList<>();
    final List<LoadResult> throughput = new ArrayList<>();
    final Map<Integer, Integer> instancesAfter = new HashMap<>();
    String coldSpec = "";
    /** The runtime's own mean instance start time, from /metrics; null when unknown. */
    String coldInside;

    String warmSpec = "";

    /** The side-by-side wrk runs, in the order run. */
    final List<Wrk.Row> sideBySide = new ArrayList<>();
    /** fn4j instances live after each from-deploy wrk run, by connections. */
    final Map<Integer, Integer> sideBySideInstances = new java.util.TreeMap<>();
    /** fn4j's calls per second, second by second, by "connections from deploy" or "connections warm". */
    final Map<String, String> sideBySideSeconds = new java.util.LinkedHashMap<>();
    /** Control-plane latency while the data plane is busy. */
    final List<ControlPlaneProbe.Result> controlPlane = new ArrayList<>();
    /** Memory figures, in the order measured. */
    final Map<String, String> memory = new LinkedHashMap<>();
    /** What the run could not measure, and why. */
    final List<String> notes = new ArrayList<>();

    String markdown(Options options) {
        StringBuilder md = new StringBuilder();
        md.append("# fn4j bench results\n\n");
        md.append("Started ")
                .append(started)
                .append(", finished ")
                .append(finished == null ? "(incomplete: see the log)" : finished)
                .append(".\n\n");
        if (!options.string("command").isEmpty()) {
            md.append("Command: `").append(options.string("command")).append("`\n\n");
        }
        md.append("| machine | |\n| --- | --- |\n");
        environment.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nOptions: ");
        List<String> opts = new ArrayList<>();
        options.all().forEach((k, v) -> opts.add("`--" + k + " " + v + "`"));
        md.append(String.join(", ", opts)).append(".\n\n");
        SideBySideReport.append(md, this, options);
        if (options.string("suite").equals("side-by-side")) {
            return md.toString();
        }
        md.append("Echo function spec (warm runs): `").append(warmSpec).append("`\n\n");

        md.append("## Warm latency, 1 client, sequential calls\n\n");
        md.append("HTTP rows: measured after a JIT warm-up and the throughput runs" + " and ")
                .append(options.string("warmup-calls"))
                .append(" more warm-up calls." + " Socket rows: fresh host JVMs, ")
                .append(options.string("socket-warmup-calls"))
                .append(" warm-up calls.\n\n");
        md.append("| target | calls | p50 | p90 | p99 | p99.9 | max | mean | calls/s | non-200 |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (LoadResult r : latency) {
            md.append("| ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.calls())
                    .append(" | ")
                    .append(p(r, 50))
                    .append(" | ")
                    .append(p(r, 90))
                    .append(" | ")
                    .append(p(r, 99))
                    .append(" | ")
                    .append(p(r, 99.9))
                    .append(" | ")
                    .append(Stats.micros(r.latency().getMaxValue()))
                    .append(" | ")
                    .append(Stats.micros(r.latency().getMean()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", r.throughput()))
                    .append(" | ")
                    .append(r.failureSummary())
                    .append(" |\n");
        }
        md.append("\nMean latency, seen by the client vs. timed inside the runtime (its"
                + " `fn4j_invocation_duration_seconds`: admission to answer = rate limiters,"
                + " pool lease, Unix-socket round trip, host, release):\n\n");
        for (LoadResult r : latency) {
            serverSide(md, r);
        }
        for (LoadResult r : throughput) {
            serverSide(md, r);
        }
        md.append("\nCPU per call in the 1-client runs (all processes measured; µs of CPU" + " time per call):\n\n");
        for (LoadResult r : latency) {
            if (!r.cpu().isEmpty()) {
                md.append("- ")
                        .append(r.target())
                        .append(": ")
                        .append(cpuPerCall(r))
                        .append('\n');
            }
        }

        md.append("\n## Throughput, closed loop, ")
                .append(options.string("duration"))
                .append(" s measured after ")
                .append(options.string("warmup-seconds"))
                .append(" s warm-up\n\n");
        md.append("| target | clients | ok calls/s | p50 | p90 | p99 | max | non-200 / errors |"
                + " CPU µs per call | cores busy: measured processes / whole machine |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |\n");
        for (LoadResult r : throughput) {
            double busy = r.cpu().entrySet().stream()
                            .filter(e -> !e.getKey().startsWith(CpuMeter.COUNTER))
                            .mapToLong(Map.Entry::getValue)
                            .sum()
                    / 1e9
                    / r.seconds();
            Long machine = r.cpu().get(CpuMeter.COUNTER + CpuMeter.MACHINE);
            md.append("| ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.clients())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", r.throughput()))
                    .append(" | ")
                    .append(p(r, 50))
                    .append(" | ")
                    .append(p(r, 90))
                    .append(" | ")
                    .append(p(r, 99))
                    .append(" | ")
                    .append(Stats.micros(r.latency().getMaxValue()))
                    .append(" | ")
                    .append(r.failureSummary())
                    .append(" | ")
                    .append(cpuPerCall(r))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", busy))
                    .append(machine == null ? "" : String.format(Locale.ROOT, " / %.2f", machine / 1e9 / r.seconds()))
                    .append(" |\n");
        }
        if (!instancesAfter.isEmpty()) {
            md.append("\nRuntime instances of `echo` after each load: ");
            List<String> parts = new ArrayList<>();
            instancesAfter.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(e.getKey() + " clients → " + e.getValue()));
            md.append(String.join(", ", parts)).append(".\n");
        }

        md.append("\n## Cold start and its parts, ")
                .append(options.string("cold-runs"))
                .append(" runs each: median (min–max)\n\n");
        md.append("| what | time |\n| --- | ---: |\n");
        cold.forEach((k, v) -> md.append("| ")
                .append(k)
                .append(" | ")
                .append(Stats.msSpread(v))
                .append(" |\n"));
        if (coldInside != null) {
            md.append("\nThe runtime's own timing of those instance starts"
                            + " (`fn4j_cold_start_duration_seconds`: container create and start, JVM"
                            + " start, host ready): ")
                    .append(coldInside)
                    .append(".\n");
        }
        md.append("\nCold-start function spec: `").append(coldSpec).append("`\n");

        md.append("\n## Set-up steps (once)\n\n| step | time |\n| --- | ---: |\n");
        setup.forEach((k, v) ->
                md.append("| ").append(k).append(" | ").append(Stats.millis(v)).append(" |\n"));
        return md.toString();
    }

    private static void serverSide(StringBuilder md, LoadResult r) {
        Long ns = r.cpu().get(CpuMeter.COUNTER + "server-ns");
        Long calls = r.cpu().get(CpuMeter.COUNTER + "server-calls");
        if (ns == null || calls == null || calls <= 0) {
            return;
        }
        double inside = (double) ns / calls;
        double outside = r.latency().getMean();
        md.append("- ")
                .append(r.target())
                .append(", ")
                .append(r.clients())
                .append(r.clients() == 1 ? " client" : " clients")
                .append(": client mean ")
                .append(Stats.micros(outside))
                .append(", runtime-timed mean ")
                .append(Stats.micros(inside))
                .append(" (")
                .append(calls)
                .append(" calls)")
                .append(", so ")
                .append(Stats.micros(outside - inside))
                .append(" is spent outside the invoker (client, loopback TCP, HTTP parse,"
                        + " worker dispatch, body read, response write)\n");
    }

    private static String p(LoadResult r, double percentile) {
        return r.calls() == 0 ? "n/a" : Stats.micros(r.latency().getValueAtPercentile(percentile));
    }

    private static String cpuPerCall(LoadResult r) {
        long calls = Math.max(1, r.calls());
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : r.cpu().entrySet()) {
            if (e.getKey().startsWith(CpuMeter.COUNTER)) {
                continue;
            }
            total += e.getValue();
            parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.0f", e.getValue() / 1e3 / calls));
        }
        if (parts.isEmpty()) {
            return "n/a";
        }
        if (parts.size() > 1) {
            parts.add("total " + String.format(Locale.ROOT, "%.0f", total / 1e3 / calls));
        }
        return String.join(", ", parts);
    }
}
