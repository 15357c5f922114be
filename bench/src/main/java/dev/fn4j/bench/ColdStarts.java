package dev.fn4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold starts of a record/JSON function ({@link ColdStartGreeter}) through the runtime,
 * {@code --cold-runs} times: deploy a fresh function ({@code minInstances} 0), time its first call
 * and a second one; once its instance was reaped as idle (paused after its 1 s idleTimeout, then
 * removed after the bench runtime's {@code --keep-paused 3s}) and the runtime's training run kept
 * its class-data archive, time a call from zero instances with the archive and one without it
 * (archive moved aside), in alternating order; then, once its instance idled and was paused, time
 * the call that resumes it; then delete it.
 */
final class ColdStarts implements Scenario {

    private static final byte[] INPUT = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public String name() {
        return "cold starts";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        RuntimeUnderTest runtime = context.runtime();
        Report report = context.report();
        int runs = context.options().integer("cold-runs");
        Bench.log("cold starts: " + runs + " fresh functions");
        List<Long> put = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> deployToAnswer = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        List<Long> fromZero = new ArrayList<>();
        List<Long> fromZeroNoArchive = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        List<Long> delete = new ArrayList<>();
        String spec = context.spec(0)
                .replace(BenchContext.HANDLER, ColdStartGreeter.class.getName())
                .replace("\"idleTimeout\":\"30m\"", "\"idleTimeout\":\"1s\"");
        report.coldSpec = spec;
        long[] before = runtime.coldStartTiming();
        for (int i = 1; i <= runs; i++) {
            String name = "greet-cold-" + i;
            RuntimeUnderTest.Reply deployed = runtime.deploy(name, spec);
            if (deployed.status() != 201 && deployed.status() != 200) {
                throw new IOException("PUT " + name + " answered " + deployed.status() + ": " + deployed.body());
            }
            // The deploy's start check left its instance warm: the first call starts nothing.
            RuntimeUnderTest.Reply call = runtime.invokeJson(name, INPUT);
            if (call.status() != 200) {
                throw new IOException("call of " + name + " answered " + call.status() + ": " + call.body());
            }
            RuntimeUnderTest.Reply again = runtime.invokeJson(name, INPUT);
            put.add(deployed.nanos());
            first.add(call.nanos());
            deployToAnswer.add(deployed.nanos() + call.nanos());
            second.add(again.nanos());
            Path cds = runtime.workDir().resolve("d").resolve("cds");
            // The revision's own archive or, for an image naming its host jar, its platform's.
            List<Path> archives = List.of(cds.resolve(name), cds.resolve("_platform"));
            for (int k = 0; k < 2; k++) {
                boolean withArchive = (k + i) % 2 == 0;
                Path archive = awaitArchive(archives);
                awaitNoContainers(context, name);
                if (archive == null) {
                    Bench.log("warning: no class-data archive kept for " + name);
                    break;
                }
                Path aside = archive.resolveSibling("aside");
                if (!withArchive) {
                    Files.move(archive, aside);
                }
                try {
                    (withArchive ? fromZero : fromZeroNoArchive)
                            .add(cold(runtime, name).nanos());
                } finally {
                    if (!withArchive) {
                        Files.move(aside, archive);
                    }
                }
            }
            if (awaitPaused(context, name)) {
                resumed.add(resume(runtime, name).nanos());
            }
            RuntimeUnderTest.Reply deleted = runtime.delete(name);
            delete.add(deleted.nanos());
            awaitNoContainers(context, name);
        }
        long[] after = runtime.coldStartTiming();
        report.cold.put("first call after the deploy (the checked instance, kept warm)", first);
        if (after != null && after[1] > (before == null ? 0 : before[1])) {
            long n = after[1] - (before == null ? 0 : before[1]);
            long ns = after[0] - (before == null ? 0 : before[0]);
            report.coldInside = Stats.millis((double) ns / n) + " mean over " + n + " starts";
        }
        report.cold.put("`PUT /v1/functions/{name}` (minInstances 0; its deploy check starts one instance)", put);
        report.cold.put("deploy to first answer (PUT + first call)", deployToAnswer);
        report.cold.put("second call (warm, JIT cold)", second);
        report.cold.put(
                "scale from zero: call after the idle instance was paused, then removed (from a stem when one is"
                        + " ready, else a new container mapping the revision's CDS archive)",
                fromZero);
        report.cold.put(
                "scale from zero, same function, archive moved aside (A/B, alternating order; a stem maps none)",
                fromZeroNoArchive);
        report.cold.put("resume from pause (idle instance paused, then called)", resumed);
        report.cold.put("`DELETE /v1/functions/{name}`", delete);
        report.cold.putAll(ColdStartLog.phases(runtime.log()));
    }

    private static RuntimeUnderTest.Reply cold(RuntimeUnderTest runtime, String name) throws IOException {
        RuntimeUnderTest.Reply call = runtime.invokeJson(name, INPUT);
        if (call.status() != 200 || !call.coldStart()) {
            throw new IOException("call of " + name + " answered " + call.status() + " (cold start: " + call.coldStart()
                    + "): " + call.body());
        }
        return call;
    }

    private static RuntimeUnderTest.Reply resume(RuntimeUnderTest runtime, String name) throws IOException {
        RuntimeUnderTest.Reply call = runtime.invokeJson(name, INPUT);
        if (call.status() != 200 || call.coldStart()) {
            throw new IOException("call of " + name + " answered " + call.status() + " (cold start: " + call.coldStart()
                    + ", expected a resumed instance): " + call.body());
        }
        return call;
    }

    /**
     * Waits up to 30 s for the function's one container to be paused (idle past its idleTimeout);
     * false, with a warning, when it was not.
     */
    private static boolean awaitPaused(BenchContext context, String function) throws IOException, InterruptedException {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < stop) {
            List<String> ids = Docker.instancesOf(context.runtimeLabel(), function);
            if (ids.size() == 1
                    && Docker.run(10, "inspect", "-f", "{{.State.Paused}}", ids.get(0))
                            .trimmed()
                            .equals("true")) {
                return true;
            }
            Thread.sleep(50);
        }
        Bench.log("warning: no paused container of " + function + " within 30s");
        return false;
    }

    /** The one archive the runtime kept for the function; null when none within 60 s. */
    private static Path awaitArchive(List<Path> dirs) throws IOException, InterruptedException {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < stop) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    // An AppCDS archive (.jsa) or, on Java 25, an AOT cache (.aot).
                    Path found = files.filter(f -> f.toString().endsWith(".jsa")
                                    || f.toString().endsWith(".aot"))
                            .findFirst()
                            .orElse(null);
                    if (found != null) {
                        return found;
                    }
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static void awaitNoContainers(BenchContext context, String function) throws InterruptedException {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < stop) {
            if (Docker.instancesOf(context.runtimeLabel(), function).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        Bench.log("warning: containers of " + function + " still there after 60s");
    }
}
