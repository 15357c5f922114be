package dev.fn4j.runtime.source.go;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one compile in a throw-away container of the toolchain image, locked down like a function
 * instance: no network, read-only root and source, a size-limited /tmp, all capabilities dropped,
 * no new privileges, the function user, pid, memory and CPU limits. Only {@code /out} is writable.
 * It goes through the docker command line, which jib-core's daemon images need anyway.
 */
final class BuildContainer {

    /** What the compile printed and whether it succeeded. */
    record Outcome(boolean ok, String output) {}

    private final String toolchainImage;
    private final Map<String, String> labels;
    private final Duration timeout;

    BuildContainer(String toolchainImage, Map<String, String> labels, Duration timeout) {
        this.toolchainImage = toolchainImage;
        this.labels = Map.copyOf(labels);
        this.timeout = timeout;
    }

    Outcome run(Path source, Path out, List<String> command) throws IOException, InterruptedException {
        String name = "fn4j-build-" + UUID.randomUUID();
        List<String> docker = new ArrayList<>(List.of(
                "docker",
                "run",
                "--rm",
                "--name",
                name,
                "--network",
                "none",
                "--read-only",
                "--tmpfs",
                "/tmp:rw,exec,size=1g,mode=1777",
                "--cap-drop",
                "ALL",
                "--security-opt",
                "no-new-privileges",
                "--user",
                dev.fn4j.protocol.ImageLayout.USER,
                "--pids-limit",
                "512",
                "--memory",
                "1g",
                "--memory-swap",
                "1g",
                "--cpus",
                "2",
                "--ulimit",
                "nofile=4096:4096",
                "--label",
                "dev.fn4j.build=true",
                "-v",
                source + ":/src:ro",
                "-v",
                out + ":/out",
                "-w",
                "/src"));
        labels.forEach((key, value) -> docker.addAll(List.of("--label", key + "=" + value)));
        docker.add(toolchainImage);
        docker.addAll(command);
        Process process = new ProcessBuilder(docker).redirectErrorStream(true).start();
        byte[] output;
        try {
            output = process.getInputStream().readNBytes(256 * 1024);
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Outcome(false, "the compile took longer than " + timeout.toSeconds() + " s");
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                new ProcessBuilder("docker", "rm", "-f", name).start().waitFor(30, TimeUnit.SECONDS);
            }
        }
        return new Outcome(process.exitValue() == 0, new String(output, StandardCharsets.UTF_8));
    }
}
