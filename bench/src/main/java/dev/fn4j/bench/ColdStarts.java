package dev.fn4j.bench;

import dev.fn4j.runtime.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start through the runtime, {@code --cold-runs} times: deploy a fresh function that starts
 * nothing ({@code minInstances} 0), time its first call (which must say {@code Fn-Cold-Start:
 * true}) and a second one, delete it, and wait until its container is gone. Also reads the
 * runtime's own instance-start timing from /metrics.
 */
final class ColdStarts implements Scenario {

    @Override
    public String name() {
        return "cold starts";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        RuntimeUnderTest runtime = context.runtime();
        Report report = context.report();
        byte[] body = context.body();
        int runs = context.options().integer("cold-runs");
        Bench.log("cold starts: " + runs + " fresh functions");
        List<Long> put = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> deployToAnswer = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        List<Long> delete = new ArrayList<>();
        report.coldSpec = context.spec(0);
        long[] before = runtime.coldStartTiming();
        for (int i = 1; i <= runs; i++) {
            String name = "echo-cold-" + i;
            RuntimeUnderTest.Reply deployed = runtime.deploy(name, context.spec(0));
            if (deployed.status() != 201 && deployed.status() != 200) {
                throw new IOException("PUT " + name + " answered " + deployed.status() + ": " + deployed.body());
            }
            RuntimeUnderTest.Reply call = runtime.invoke(name, body);
            if (call.status() != 200 || !call.coldStart()) {
                throw new IOException("first call of " + name + " answered " + call.status() + " (cold start: "
                        + call.coldStart() + "): " + call.body());
            }
            RuntimeUnderTest.Reply again = runtime.invoke(name, body);
            put.add(deployed.nanos());
            first.add(call.nanos());
            deployToAnswer.add(deployed.nanos() + call.nanos());
            second.add(again.nanos());
            RuntimeUnderTest.Reply deleted = runtime.delete(name);
            delete.add(deleted.nanos());
            awaitNoContainers(context, Labels.FUNCTION + "=" + name);
        }
        long[] after = runtime.coldStartTiming();
        report.cold.put("first call of a fresh function (`Fn-Cold-Start: true`)", first);
        if (after != null && after[1] > (before == null ? 0 : before[1])) {
            long n = after[1] - (before == null ? 0 : before[1]);
            long ns = after[0] - (before == null ? 0 : before[0]);
            report.coldInside = Stats.millis((double) ns / n) + " mean over " + n + " starts";
        }
        report.cold.put("`PUT /v1/functions/{name}` (minInstances 0: starts nothing)", put);
        report.cold.put("deploy to first answer (PUT + first call)", deployToAnswer);
        report.cold.put("second call (warm, JIT cold)", second);
        report.cold.put("`DELETE /v1/functions/{name}`", delete);
    }

    private static void awaitNoContainers(BenchContext context, String label) throws InterruptedException {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < stop) {
            if (Docker.containers(context.runtimeLabel(), label).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        Bench.log("warning: containers with " + label + " still there after 30s");
    }
}
