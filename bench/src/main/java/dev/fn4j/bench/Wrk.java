package dev.fn4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} as the load generator: one POST of the call body per request, with
 * {@code --latency}, and its text output parsed into a {@link Row}. Throws when wrk is missing.
 */
final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$");

    /**
     * One wrk run.
     *
     * @param target what was called
     * @param connections wrk's {@code -c}
     * @param seconds the run's length as wrk measured it
     * @param ok requests answered 2xx/3xx
     * @param failed non-2xx answers plus socket errors (timeouts included)
     * @param p50 median latency in ns, -1 when wrk gave none
     * @param p99 99th percentile latency in ns, -1 when wrk gave none
     */
    record Row(String target, int connections, double seconds, long ok, long failed, long p50, long p99) {
        double callsPerSecond() {
            return seconds <= 0 ? 0 : ok / seconds;
        }
    }

    private final Path script;
    private final int threads;

    /** Writes the Lua script that makes every request a POST of {@code body} with these headers. */
    Wrk(Path dir, String name, byte[] body, List<String> headers, int threads) throws IOException {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n");
        lua.append("wrk.body = \"")
                .append(luaString(new String(body, StandardCharsets.UTF_8)))
                .append("\"\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"text/plain; charset=utf-8\"\n");
        for (String header : headers) {
            int colon = header.indexOf(':');
            lua.append("wrk.headers[\"")
                    .append(luaString(header.substring(0, colon).trim()))
                    .append("\"] = \"")
                    .append(luaString(header.substring(colon + 1).trim()))
                    .append("\"\n");
        }
        this.script = dir.resolve("wrk-" + name + ".lua");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        this.threads = threads;
    }

    /** Runs wrk against {@code url} for {@code seconds} with {@code connections}; blocks until done. */
    Row run(String target, String url, int connections, int seconds, int timeoutSeconds) throws IOException {
        List<String> command = List.of(
                "wrk",
                "-t",
                Integer.toString(Math.min(threads, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                seconds + "s",
                "--timeout",
                timeoutSeconds + "s",
                "--latency",
                "-s",
                script.toString(),
                url);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run wrk (install it: apt-get install -y wrk): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(seconds + timeoutSeconds + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("wrk did not end: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ": " + output);
        }
        return parse(target, connections, output);
    }

    static Row parse(String target, int connections, String output) throws IOException {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IOException("no request count in wrk's output: " + output);
        }
        long total = Long.parseLong(requests.group(1));
        double seconds = nanos(requests.group(2), requests.group(3)) / 1e9;
        Matcher non2xx = NON_2XX.matcher(output);
        long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        long ok = total - failed;
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                failed += Long.parseLong(errors.group(g));
            }
        }
        long p50 = -1;
        long p99 = -1;
        for (String line : output.split("\n")) {
            Matcher m = PERCENTILE.matcher(line);
            if (m.matches()) {
                long value = Math.round(nanos(m.group(2), m.group(3)));
                if (m.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            }
        }
        return new Row(target, connections, seconds, Math.max(0, ok), failed, p50, p99);
    }

    private static double nanos(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "m" -> value * 60e9;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    private static String luaString(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The rows' targets in order of first appearance. */
    static List<String> targets(List<Row> rows) {
        List<String> targets = new ArrayList<>();
        rows.forEach(r -> {
            if (!targets.contains(r.target())) {
                targets.add(r.target());
            }
        });
        return targets;
    }
}
