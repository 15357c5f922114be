package dev.fn4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's resident memory and threads with {@code --idle-functions} functions deployed and
 * idle (no instance), and what one warm instance's container holds: its JVM's resident set and
 * the container's memory as the engine counts it.
 */
final class IdleMemory implements Scenario {

    /** How long the runtime idles before its memory is read again. */
    private static final int IDLE_SECONDS = 35;

    @Override
    public String name() {
        return "memory: idle functions, one warm instance";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        RuntimeUnderTest runtime = context.runtime();
        Report report = context.report();
        int count = context.options().integer("idle-functions");
        long pid = runtime.pid();
        report.memory.put("runtime RSS / threads, before", status(pid));
        Bench.log("memory: deploying " + count + " functions");
        for (int i = 0; i < count; i++) {
            RuntimeUnderTest.Reply deployed = runtime.deploy("idle" + i, context.defaultSpec());
            if (deployed.status() / 100 != 2) {
                throw new IOException("PUT idle" + i + " answered " + deployed.status() + ": " + deployed.body());
            }
        }
        TimeUnit.SECONDS.sleep(5);
        report.memory.put("runtime RSS / threads, " + count + " functions deployed and idle", status(pid));
        // Idle long enough for the runtime's periodic collection (every 15 s when idle) to run twice.
        TimeUnit.SECONDS.sleep(IDLE_SECONDS);
        report.memory.put(
                "runtime RSS / threads, " + count + " functions deployed and idle for " + (IDLE_SECONDS + 5) + " s",
                status(pid));

        runtime.invoke("idle0", context.body());
        List<String> ids = Docker.instancesOf(context.runtimeLabel(), "idle0");
        if (!ids.isEmpty()) {
            String id = ids.get(0);
            String containerPid =
                    Docker.check(30, "inspect", "-f", "{{.State.Pid}}", id).trimmed();
            report.memory.put("one warm instance: its JVM's RSS (host /proc)", javaRss(Long.parseLong(containerPid)));
            report.memory.put(
                    "one warm instance: container memory (docker stats)",
                    Docker.check(30, "stats", "--no-stream", "--format", "{{.MemUsage}}", id)
                            .trimmed());
            report.memory.put(
                    "one warm instance: JVM options",
                    Docker.check(30, "inspect", "-f", "{{json .Config.Env}}", id)
                            .trimmed()
                            .replace('|', '/'));
        }
        report.memory.put("runtime RSS / threads, after one call", status(pid));
        for (int i = 0; i < count; i++) {
            runtime.delete("idle" + i);
        }
    }

    /** "123 MiB / 45 threads" from /proc/<pid>/status. */
    static String status(long pid) throws IOException {
        long rssKb = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return (rssKb / 1024) + " MiB / " + threads + " threads";
    }

    /** The RSS of the container's java process: its first process, or that one's child under an init. */
    private static String javaRss(long pid) throws IOException {
        Path children = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children");
        long java = pid;
        if (!Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                        .strip()
                        .equals("java")
                && Files.isReadable(children)) {
            String first = Files.readString(children).strip();
            if (!first.isEmpty()) {
                java = Long.parseLong(first.split("\\s+")[0]);
            }
        }
        return status(java);
    }
}
