package dev.fn4j.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase saw.
 *
 * @param target what was called ("runtime", "in-process", …)
 * @param clients concurrent callers
 * @param ok calls answered 200 with the right body in the measured window
 * @param seconds the measured window's length
 * @param latency every measured call's latency in ns, whatever its answer
 * @param statuses answers other than a correct 200, by status ({@link LoadClient#BAD_BODY} for a
 *     wrong echo)
 * @param errors calls that failed without an answer (I/O error, timeout)
 * @param cpu CPU nanoseconds each process spent in the window, by name; empty when not measured
 */
record LoadResult(
        String target,
        int clients,
        long ok,
        double seconds,
        Histogram latency,
        Map<Integer, Long> statuses,
        long errors,
        Map<String, Long> cpu) {

    LoadResult {
        statuses = Map.copyOf(new TreeMap<>(statuses));
        cpu = Map.copyOf(cpu);
    }

    long calls() {
        return latency.getTotalCount();
    }

    double throughput() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    long failures() {
        return statuses.values().stream().mapToLong(Long::longValue).sum() + errors;
    }

    /** "none", or e.g. "429×12, 503×1, I/O×2". */
    String failureSummary() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, count) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(status == LoadClient.BAD_BODY ? "bad echo" : status.toString())
                    .append('×')
                    .append(count);
        });
        if (errors > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("I/O×").append(errors);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
