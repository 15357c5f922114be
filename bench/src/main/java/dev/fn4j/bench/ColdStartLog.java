package dev.fn4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases of every instance start, read from the runtime's own log line per start
 * ({@code instance … ready in … ms: container created and started … ms, JVM and host to Hello …
 * ms}), grouped by whether the instance trained, mapped or had no class-data archive.
 */
final class ColdStartLog {

    private static final Pattern READY = Pattern.compile("ready in \\d+ ms: container created and started (\\d+) ms,"
            + " JVM and host to Hello (\\d+) ms(, (training|with) its class-data archive)?");

    /** An instance a stem became (instance.Stems): no container start, no JVM start. */
    private static final Pattern FROM_STEM = Pattern.compile(
            "ready in (\\d+) ms from a stem: files linked and assigned (\\d+) ms, host to Hello (\\d+) ms");

    private ColdStartLog() {}

    /** Report rows, nanoseconds per start. */
    static Map<String, List<Long>> phases(Path runtimeLog) throws IOException {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(runtimeLog, StandardCharsets.UTF_8)) {
            Matcher stem = FROM_STEM.matcher(line);
            if (stem.find()) {
                add(rows, "runtime log, from a stem: whole start", stem.group(1));
                add(rows, "runtime log, from a stem: files linked and assignment written", stem.group(2));
                add(rows, "runtime log, from a stem: host to Hello", stem.group(3));
                continue;
            }
            Matcher m = READY.matcher(line);
            if (!m.find()) {
                continue;
            }
            String kind = m.group(4) == null
                    ? "no archive"
                    : m.group(4).equals("training") ? "training run (writes the archive at exit)" : "with the archive";
            rows.computeIfAbsent("runtime log, " + kind + ": container create + start", k -> new ArrayList<>())
                    .add(Long.parseLong(m.group(1)) * 1_000_000);
            rows.computeIfAbsent("runtime log, " + kind + ": JVM + host to Hello", k -> new ArrayList<>())
                    .add(Long.parseLong(m.group(2)) * 1_000_000);
        }
        return rows;
    }

    private static void add(Map<String, List<Long>> rows, String row, String millis) {
        rows.computeIfAbsent(row, k -> new ArrayList<>()).add(Long.parseLong(millis) * 1_000_000);
    }
}
