package dev.fn4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples the CPU time (user + system, ns) of the processes under test: this JVM, the runtime
 * process, and the function's containers (from their cgroup's cpuacct). Where a figure cannot be
 * read it is left out rather than guessed.
 */
final class CpuMeter {

    /** The Linux USER_HZ that /proc/PID/stat counts in; 100 on every common kernel. */
    private static final long TICK_NANOS = 10_000_000L;

    private final Map<String, Supplier<Long>> sources = new LinkedHashMap<>();

    static CpuMeter none() {
        return new CpuMeter();
    }

    /** Adds this JVM: the load generator, and the in-process server when there is one. */
    CpuMeter self(String name) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            sources.put(name, sun::getProcessCpuTime);
        }
        return this;
    }

    CpuMeter process(String name, long pid) {
        sources.put(name, () -> processCpu(pid));
        return this;
    }

    /** Adds the sum over the containers {@code ids} lists at each sample. */
    CpuMeter containers(String name, Supplier<List<String>> ids) {
        sources.put(name, () -> {
            long sum = 0;
            boolean any = false;
            for (String id : ids.get()) {
                long usage = containerCpu(id);
                if (usage >= 0) {
                    sum += usage;
                    any = true;
                }
            }
            return any ? sum : -1L;
        });
        return this;
    }

    /**
     * Adds a counter that is not CPU time (kept under "~name"; the report reads it separately),
     * e.g. the runtime's own invocation-duration sum.
     */
    CpuMeter counter(String name, Supplier<Long> source) {
        sources.put(COUNTER + name, source);
        return this;
    }

    /** The prefix of counters that are not CPU time. */
    static final String COUNTER = "~";

    Map<String, Long> sample() {
        Map<String, Long> sample = new LinkedHashMap<>();
        sources.forEach((name, source) -> {
            try {
                Long value = source.get();
                if (value != null && value >= 0) {
                    sample.put(name, value);
                }
            } catch (RuntimeException e) {
                // Unreadable: left out.
            }
        });
        return sample;
    }

    /**
     * After minus before, by name. A name missing before (a container that started inside the
     * window) counts from zero.
     */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }

    /** Adds the whole machine's busy CPU time (all cores, from /proc/stat) as a counter. */
    CpuMeter machine() {
        return counter(MACHINE, CpuMeter::machineBusy);
    }

    static final String MACHINE = "machine-ns";

    /** user + nice + system + irq + softirq + steal of all cores, in ns; -1 when unreadable. */
    static long machineBusy() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long busy = 0;
                    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                        busy += i < f.length ? Long.parseLong(f[i]) : 0;
                    }
                    return busy * TICK_NANOS;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    static long processCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state); utime is field 14, stime field 15.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A container's CPU ns from its cgroup (v1 cpuacct or v2 cpu.stat), or -1. */
    static long containerCpu(String id) {
        for (String dir : List.of("/sys/fs/cgroup/cpuacct/docker/", "/sys/fs/cgroup/cpu,cpuacct/docker/")) {
            Path usage = Path.of(dir + id, "cpuacct.usage");
            if (Files.isReadable(usage)) {
                try {
                    return Long.parseLong(Files.readString(usage).trim());
                } catch (IOException | NumberFormatException e) {
                    return -1;
                }
            }
        }
        for (String dir :
                List.of("/sys/fs/cgroup/system.slice/docker-" + id + ".scope", "/sys/fs/cgroup/docker/" + id)) {
            Path stat = Path.of(dir, "cpu.stat");
            if (Files.isReadable(stat)) {
                try {
                    for (String line : Files.readAllLines(stat)) {
                        if (line.startsWith("usage_usec ")) {
                            return Long.parseLong(line.substring(11).trim()) * 1_000L;
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
