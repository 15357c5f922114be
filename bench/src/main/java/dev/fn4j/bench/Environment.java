package dev.fn4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Facts about the machine, for the report. */
final class Environment {
    private Environment() {}

    static Map<String, String> describe(Options options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible (`nproc`)");
        env.put("memory", memory());
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            Docker.Result v = Docker.run(30, "version", "--format", "{{.Server.Version}}");
            Docker.Result info =
                    Docker.run(30, "info", "--format", "{{.Driver}}, cgroup v{{.CgroupVersion}}, {{.CgroupDriver}}");
            env.put("Docker", (v.ok() ? v.trimmed() : "?") + (info.ok() ? " (" + info.trimmed() + ")" : ""));
        } catch (IOException e) {
            env.put("Docker", "unknown: " + e.getMessage());
        }
        env.put(
                "load generator",
                options.string("client").equals("raw")
                        ? "raw: minimal HTTP/1.1 keep-alive client, one blocking socket per client"
                        : "jdk: java.net.http.HttpClient, HTTP/1.1 keep-alive, one thread per client");
        env.put("load average before the run (1, 5, 15 min)", read("/proc/loadavg"));
        return env;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown CPU";
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return "unknown";
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
