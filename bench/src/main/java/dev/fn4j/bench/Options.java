package dev.fn4j.bench;

import dev.fn4j.spec.MemorySize;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options over defaults. */
final class Options {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        Path target = benchTarget();
        DEFAULTS.put("base-image", "docker://fn4j/jre-base:17");
        DEFAULTS.put("runtime-jar", "runtime/target/fn4j-runtime.jar");
        DEFAULTS.put("host-jar", target.resolve("bench-host/fn4j-host.jar").toString());
        DEFAULTS.put("out", target.resolve("bench-results.md").toString());
        DEFAULTS.put("client", "jdk");
        DEFAULTS.put("body-bytes", "64");
        DEFAULTS.put("warmup-calls", "2000");
        DEFAULTS.put("socket-warmup-calls", "20000");
        DEFAULTS.put("calls", "5000");
        DEFAULTS.put("max-phase-seconds", "120");
        DEFAULTS.put("clients", "16,64");
        DEFAULTS.put("warmup-seconds", "5");
        DEFAULTS.put("jit-warmup-seconds", "10");
        DEFAULTS.put("duration", "15");
        DEFAULTS.put("cold-runs", "5");
        DEFAULTS.put("concurrency", "16");
        DEFAULTS.put("max-instances", "2");
        DEFAULTS.put("max-queue", "1000");
        DEFAULTS.put("memory", "256m");
        DEFAULTS.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        DEFAULTS.put("in-process-worker-threads", "256");
        DEFAULTS.put("runtime-jvm-args", "-Xms64m -Xmx512m -XX:G1PeriodicGCInterval=15000 -XX:ThreadPriorityPolicy=1");
        DEFAULTS.put("command", "");
        DEFAULTS.put("suite", "full");
        // false for a runtime jar older than --control-port (it refuses options it does not know)
        DEFAULTS.put("runtime-control-port", "true");
        // JSON members added to the "defaults" function's spec, e.g. '"concurrency":64': an A/B of a default.
        DEFAULTS.put("spec-extra", "");
        DEFAULTS.put("wrk-connections", "1,16,64");
        DEFAULTS.put("wrk-seconds", "10");
        DEFAULTS.put("wrk-threads", "1");
        DEFAULTS.put(
                "gcf-invoker-jar",
                target.resolve("gcf/java-function-invoker.jar").toString());
        DEFAULTS.put("naive-parallel", Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
        DEFAULTS.put("naive-seconds", "10");
        DEFAULTS.put("control-plane-seconds", "10");
        DEFAULTS.put("async-burst", "10000");
        DEFAULTS.put("idle-functions", "50");
    }

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.put("help", "false");
        values.put("skip-docker-baseline", "false");
        values.put("cold-only", "false");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("help") || name.equals("skip-docker-baseline") || name.equals("cold-only")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, value);
        }
        Options options = new Options(values);
        for (String n : List.of(
                "body-bytes",
                "warmup-calls",
                "socket-warmup-calls",
                "calls",
                "max-phase-seconds",
                "warmup-seconds",
                "jit-warmup-seconds",
                "duration",
                "cold-runs",
                "concurrency",
                "max-instances",
                "max-queue",
                "in-process-worker-threads",
                "wrk-seconds",
                "wrk-threads",
                "naive-parallel",
                "naive-seconds",
                "control-plane-seconds",
                "async-burst",
                "idle-functions")) {
            if (options.integer(n)
                    < (n.contains("warmup") || n.equals("max-queue") || n.equals("naive-seconds") ? 0 : 1)) {
                throw new IllegalArgumentException("--" + n + " is out of range: " + options.string(n));
            }
        }
        if (!List.of("full", "side-by-side", "load", "memory", "control-plane").contains(options.string("suite"))) {
            throw new IllegalArgumentException(
                    "--suite is full, side-by-side, load, memory or control-plane: " + options.string("suite"));
        }
        if (options.integers("clients").isEmpty()
                || options.integers("wrk-connections").isEmpty()) {
            throw new IllegalArgumentException("--clients needs at least one number");
        }
        if (options.memoryBytes() <= 0) {
            throw new IllegalArgumentException(
                    "--memory must be <n>m or <n>g, for example 256m" + ": " + options.string("memory"));
        }
        if (options.nanoCpus() <= 0) {
            throw new IllegalArgumentException("--cpus must be positive: " + options.string("cpus"));
        }
        return options;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: java -jar bench/target/fn4j-bench.jar"
                + " [--name value]... [--skip-docker-baseline] [--help]\noptions and defaults:\n");
        DEFAULTS.forEach((k, v) -> sb.append("  --")
                .append(k)
                .append(' ')
                .append(v.isEmpty() ? "''" : v)
                .append('\n'));
        return sb.toString();
    }

    String string(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + values.get(name));
        }
    }

    List<Integer> integers(String name) {
        List<Integer> list = new ArrayList<>();
        for (String part : values.get(name).split(",")) {
            if (!part.isBlank()) {
                int n = Integer.parseInt(part.trim());
                if (n < 1 || n > 1024) {
                    throw new IllegalArgumentException("--" + name + ": 1 to 1024: " + n);
                }
                list.add(n);
            }
        }
        return list;
    }

    /** {@code --memory} in bytes, read as the runtime reads a function spec's memory; -1 if malformed. */
    long memoryBytes() {
        return MemorySize.parseBytes(string("memory"));
    }

    /** {@code --cpus} in billionths of a CPU, as the runtime hands a spec's cpus to Docker. */
    long nanoCpus() {
        return Math.round(Double.parseDouble(string("cpus")) * 1_000_000_000L);
    }

    List<String> list(String name) {
        String value = values.get(name).trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Map<String, String> all() {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove("help");
        copy.remove("command");
        return copy;
    }

    /** "docker://x" → "x"; other base image forms are not runnable by the docker CLI. */
    static String dockerReference(String baseImage) {
        return baseImage.startsWith("docker://") ? baseImage.substring(9) : baseImage;
    }

    /** The bench module's target directory: where the jar, lib/ and bench-host/ are. */
    private static Path benchTarget() {
        try {
            Path location = Path.of(Options.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // target/fn4j-bench.jar or target/classes: both sit in target/.
            return location.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("bench", "target");
        }
    }
}
