package dev.fn4j.runtime.engine;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The program inside DockerContainerEngineIT's test image (JDK only, run as
 * {@code java -cp /app/classes}). The MODE variable picks what it does: sleep, exit with
 * EXIT_CODE, exhaust native memory, or probe the lock-down from inside and write a report to
 * /fn4j/probe.txt for the test to read on the host.
 */
public final class EngineProbe {

    private EngineProbe() {}

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("MODE", "sleep");
        switch (mode) {
            case "sleep" -> Thread.sleep(Long.MAX_VALUE);
            case "exit" -> System.exit(Integer.parseInt(System.getenv().getOrDefault("EXIT_CODE", "7")));
            case "oom" -> exhaustNativeMemory();
            case "probe" -> System.exit(probe() ? 0 : 1);
            default -> {
                System.err.println("unknown MODE " + mode);
                System.exit(2);
            }
        }
    }

    /**
     * Native memory, not heap: a heap OutOfMemoryError is the JVM's own error, while touching
     * native pages past the cgroup limit makes the kernel OOM-kill the process.
     */
    private static void exhaustNativeMemory() throws Exception {
        // Reflection keeps javac from warning about an internal API.
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field f = type.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        Method allocate = type.getMethod("allocateMemory", long.class);
        Method set = type.getMethod("setMemory", long.class, long.class, byte.class);
        long chunk = 4L << 20;
        for (long total = 0; total < (8L << 30); total += chunk) {
            long address = (long) allocate.invoke(unsafe, chunk);
            set.invoke(unsafe, address, chunk, (byte) 1);
        }
        System.exit(3); // never OOM-killed: the memory limit is not enforced
    }

    private static boolean probe() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("rootWritable=" + canWrite(Path.of("/probe-root")));
        report.add("tmpWritable=" + canWrite(Path.of("/tmp/probe")));
        report.add("tmpExec=" + canExecFromTmp());
        report.add("interfaces=" + interfaces());
        String status = Files.readString(Path.of("/proc/self/status"));
        report.add("uid=" + field(status, "Uid:"));
        report.add("gid=" + field(status, "Gid:"));
        report.add("noNewPrivs=" + field(status, "NoNewPrivs:"));
        report.add("capEff=" + field(status, "CapEff:"));
        report.add("capBnd=" + field(status, "CapBnd:"));
        report.add("nofile=" + limit("Max open files"));
        report.add("pid1=" + Files.readString(Path.of("/proc/1/cmdline")).split("\0")[0]);
        Files.write(Path.of("/fn4j/probe.txt"), report);
        return true;
    }

    private static boolean canWrite(Path file) {
        try {
            Files.writeString(file, "x");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the java launcher to /tmp and runs it: /tmp is exec, for native libraries' .so files. */
    private static boolean canExecFromTmp() {
        try {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path copy = Files.copy(Path.of(java), Path.of("/tmp/java-copy"), StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().setExecutable(true);
            new ProcessBuilder(copy.toString(), "-version").start().waitFor();
            return true;
        } catch (IOException e) {
            return !String.valueOf(e.getMessage()).contains("error=13"); // 13: EACCES
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String interfaces() throws IOException {
        List<String> names = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            names.add(ni.getName());
        }
        Collections.sort(names);
        return String.join(",", names);
    }

    /** The first value of a /proc/self/status line. */
    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).trim().split("\\s+")[0];
            }
        }
        return "?";
    }

    /** The soft limit from /proc/self/limits. */
    private static String limit(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).trim().split("\\s+")[0];
            }
        }
        return "?";
    }
}
