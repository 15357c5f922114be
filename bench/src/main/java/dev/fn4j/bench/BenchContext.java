package dev.fn4j.bench;

import dev.fn4j.runtime.engine.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the scenarios of one run share: the options, the run's id, the call body, a work
 * directory, the report, and what the set-up made (the runtime, the echo image). {@link #close()}
 * removes everything the run made, once, also from the shutdown hook on Ctrl-C.
 */
final class BenchContext implements AutoCloseable {

    /** The label on every container the bench itself starts; scripts/bench.sh checks for it. */
    static final String RUN_LABEL = "dev.fn4j.bench-run";
    /** The echo function's handler, in the runtime's spec and in every host the bench starts. */
    static final String HANDLER = Echo.class.getName();

    private final Options options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final byte[] body;
    private final Path workDir;
    private final String imageName = "fn4j-bench/echo:" + runId;
    private final Report report = new Report();

    // Set by the set-up scenario; null before it ran (or when it failed).
    private volatile Path classes;
    private volatile RuntimeUnderTest runtime;
    private volatile String imageId;
    private volatile InProcessServer inProcess;
    private boolean cleanedUp;

    BenchContext(Options options) throws IOException {
        this.options = options;
        this.body = payload(options.integer("body-bytes"));
        // Short, under /tmp: the runtime's instance sockets live below it (107-byte path limit).
        this.workDir = Files.createTempDirectory(Path.of("/tmp"), "fn4jb-");
    }

    Options options() {
        return options;
    }

    String runId() {
        return runId;
    }

    /** {@link #RUN_LABEL}{@code =<run id>}: as a {@code docker --label} or a filter. */
    String runLabel() {
        return RUN_LABEL + "=" + runId;
    }

    /** The body of every call, {@code --body-bytes} long. */
    byte[] body() {
        return body;
    }

    Path workDir() {
        return workDir;
    }

    String imageName() {
        return imageName;
    }

    Report report() {
        return report;
    }

    /** The directory holding just Echo.class, which the image and the plain host process use. */
    Path classes() {
        return classes;
    }

    RuntimeUnderTest runtime() {
        return runtime;
    }

    String imageId() {
        return imageId;
    }

    // The set-up records each thing as soon as it exists, so a failure further on still cleans it up.

    void classes(Path dir) {
        this.classes = dir;
    }

    void runtime(RuntimeUnderTest started) {
        this.runtime = started;
    }

    void imageId(String id) {
        this.imageId = id;
    }

    /** Registers the in-process server so clean-up stops it. */
    void inProcess(InProcessServer server) {
        this.inProcess = server;
    }

    /** {@code dev.fn4j.runtime=<id>}: the runtime's label on every container it owns. */
    String runtimeLabel() {
        return Labels.RUNTIME + "=" + runtime.runtimeId();
    }

    /** The echo function's spec as the bench deploys it. */
    String spec(int minInstances) {
        return "{\"image\":\"" + imageId + "\",\"handler\":\"" + HANDLER + "\""
                + ",\"timeout\":\"30s\",\"memory\":\"" + options.string("memory") + "\""
                + ",\"cpus\":" + options.string("cpus")
                + ",\"concurrency\":" + options.integer("concurrency")
                + ",\"minInstances\":" + minInstances
                + ",\"maxInstances\":" + options.integer("max-instances")
                + ",\"maxQueue\":" + options.integer("max-queue")
                + ",\"idleTimeout\":\"30m\"}";
    }

    /** A function spec with the image and handler only: every other setting is the platform's default. */
    String defaultSpec() {
        String extra = options.string("spec-extra");
        return "{\"image\":\"" + imageId + "\",\"handler\":\"" + HANDLER + "\"" + (extra.isBlank() ? "" : "," + extra)
                + "}";
    }

    /**
     * Stops the in-process server and the runtime (SIGTERM: it removes its containers), removes
     * the bench's own containers and the image, and deletes the work directory. Runs once.
     */
    @Override
    public synchronized void close() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        if (inProcess != null) {
            inProcess.close();
        }
        if (runtime != null) {
            Bench.log("stopping the runtime (SIGTERM)");
            runtime.close();
        }
        int left = Docker.removeContainers(runLabel());
        if (left > 0) {
            Bench.log("removed " + left + " bench container(s)");
        }
        try {
            Docker.run(60, "rmi", "-f", imageName);
            if (imageId != null) {
                Docker.run(60, "rmi", "-f", imageId);
            }
        } catch (IOException e) {
            Bench.log("could not remove the image " + imageName + ": " + e.getMessage());
        }
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp dir.
        }
    }

    private static byte[] payload(int size) {
        StringBuilder sb = new StringBuilder(size);
        String text = "hello fn4j ";
        while (sb.length() < size) {
            sb.append(text.charAt(sb.length() % text.length()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
