package dev.fn4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The cold-start phases as a Markdown table: medians per variant and each one's ratio to the baseline. */
final class ColdStartReport {

    private ColdStartReport() {}

    static String markdown(
            Map<ColdStartVariant, List<ColdStartPhases.Phases>> results,
            int rounds,
            String loadBefore,
            String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Cold-start phases, medians of ")
                .append(rounds)
                .append(" rounds, every variant once per round in rotated order (load average before: ")
                .append(loadBefore.strip())
                .append("; after: ")
                .append(loadAfter.strip())
                .append(").\n\n");
        md.append("| variant | docker create | docker start | JVM Create VM | start to Hello | first answer"
                + " | create + Hello + answer | p90 | vs. baseline |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double baseline = 0;
        for (Map.Entry<ColdStartVariant, List<ColdStartPhases.Phases>> e : results.entrySet()) {
            List<ColdStartPhases.Phases> p = e.getValue();
            long total = median(p, ColdStartPhases.Phases::total);
            if (baseline == 0) {
                baseline = total;
            }
            List<Long> totals =
                    p.stream().map(ColdStartPhases.Phases::total).sorted().toList();
            long p90 = totals.get(Math.min(totals.size() - 1, (int) Math.ceil(totals.size() * 0.9) - 1));
            md.append("| ").append(e.getKey().name());
            md.append(" | ").append(ms(median(p, ColdStartPhases.Phases::create)));
            md.append(" | ").append(ms(median(p, ColdStartPhases.Phases::start)));
            md.append(" | ").append(ms(median(p, ColdStartPhases.Phases::jvm)));
            md.append(" | ").append(ms(median(p, ColdStartPhases.Phases::hello)));
            md.append(" | ").append(ms(median(p, ColdStartPhases.Phases::firstAnswer)));
            md.append(" | **").append(ms(total)).append("**");
            md.append(" | ").append(ms(p90));
            md.append(" | ").append(String.format(Locale.ROOT, "%.2f×", total / baseline));
            md.append(" |\n");
        }
        return md.toString();
    }

    private static long median(List<ColdStartPhases.Phases> phases, ToLongFunction<ColdStartPhases.Phases> f) {
        return Stats.median(phases.stream().map(p -> f.applyAsLong(p)).toList());
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }
}
