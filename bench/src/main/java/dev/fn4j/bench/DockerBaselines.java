package dev.fn4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a container and a JVM cost without fn4j: {@code docker run --rm} of the base image's
 * {@code java -version}, the same split into create, start and rm, and {@code java -version} on
 * the machine, {@code --cold-runs} times each.
 */
final class DockerBaselines implements Scenario {

    @Override
    public String name() {
        return "docker and JVM baselines";
    }

    @Override
    public void run(BenchContext context) throws IOException {
        Options options = context.options();
        String base = Options.dockerReference(options.string("base-image"));
        int runs = options.integer("cold-runs");
        Bench.log("baselines: docker run/create/start of " + base + " `java -version`, " + runs + "×");
        List<Long> run = new ArrayList<>();
        List<Long> create = new ArrayList<>();
        List<Long> start = new ArrayList<>();
        List<Long> remove = new ArrayList<>();
        List<Long> nativeJava = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            String name = "fn4j-bench-" + context.runId() + "-base-" + i;
            // Not the lock-down: a bare container, only without networking (whose set-up would
            // otherwise dominate), as the floor any container start pays.
            Docker.Result r = Docker.check(
                    120,
                    "run",
                    "--rm",
                    "--name",
                    name,
                    "--label",
                    context.runLabel(),
                    "--network",
                    "none",
                    base,
                    "java",
                    "-version");
            run.add(r.nanos());
            Docker.Result c = Docker.check(
                    60,
                    "create",
                    "--name",
                    name,
                    "--label",
                    context.runLabel(),
                    "--network",
                    "none",
                    base,
                    "java",
                    "-version");
            create.add(c.nanos());
            start.add(Docker.check(120, "start", "-a", name).nanos());
            remove.add(Docker.check(60, "rm", "-f", name).nanos());
            nativeJava.add(timeProcess(List.of(java, "-version")));
        }
        Report report = context.report();
        report.cold.put("`docker run --rm` base image `java -version` (create+start+JVM+exit+rm)", run);
        report.cold.put("… `docker create`", create);
        report.cold.put("… `docker start -a` (start + JVM `-version` + exit)", start);
        report.cold.put("… `docker rm`", remove);
        report.cold.put("`java -version` on the machine, no container", nativeJava);
    }

    private static long timeProcess(List<String> command) throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return System.nanoTime() - t0;
    }
}
