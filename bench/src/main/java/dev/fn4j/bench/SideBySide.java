package dev.fn4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The side-by-side comparison under wrk, each connection count in turn so that a busy machine
 * weighs on every target alike: fn4j's HTTP trigger on a function deployed with the default
 * settings (once from its deploy, cold start and scale-out included, then again warm), Google's
 * Functions Framework invoker serving the same echo in its own JVM, the bench's in-process
 * Undertow echo, and the naive {@code docker run} per call.
 */
final class SideBySide implements Scenario {

    static final String FROM_DEPLOY = "fn4j trigger, defaults, from deploy (whole run)";
    static final String WARM = "fn4j trigger, defaults, warm";
    static final String GCF = "GCF invoker 2.0.0 (in-process, Jetty)";
    static final String IN_PROCESS = "in-process Undertow (bench JVM)";
    static final String NAIVE = "naive `docker run` per call";

    @Override
    public String name() {
        return "side by side under wrk: fn4j, GCF invoker, in-process, docker run per call";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Report report = context.report();
        RuntimeUnderTest runtime = context.runtime();
        int seconds = options.integer("wrk-seconds");
        Wrk wrk = new Wrk(
                context.workDir(),
                "echo",
                context.body(),
                List.of("Authorization: Bearer " + runtime.apiKey()),
                options.integer("wrk-threads"));
        GcfInvoker gcf = null;
        try {
            gcf = GcfInvoker.start(Path.of(options.string("gcf-invoker-jar")), context.workDir());
        } catch (IOException e) {
            report.notes.add("GCF invoker not measured: " + e.getMessage());
            Bench.log("GCF invoker not measured: " + e.getMessage());
        }
        InProcessServer inProcess = new InProcessServer(options.integer("in-process-worker-threads"));
        String base = Options.dockerReference(options.string("base-image"));
        try (NaiveDockerServer naive = new NaiveDockerServer(
                        base, context.workDir(), context.runLabel(), options.integer("naive-parallel"));
                inProcess) {
            // The same JIT warm-up for every server, unmeasured, at the heaviest load measured:
            // the runtime is a long-lived process, and what a run from deploy measures is a new
            // function's first seconds, not the runtime JVM's. Without it the runtime compiled
            // its queueing path (a pool with every slot taken) during the first 64-connection run
            // while the baselines had been warmed (docs/benchmarks.md, seventh pass).
            int jit = options.integer("jit-warmup-seconds");
            int heaviest = options.integers("wrk-connections").stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElseThrow();
            if (gcf != null) {
                wrk.run(GCF, gcf.uri().toString(), heaviest, jit, 10);
            }
            wrk.run(IN_PROCESS, inProcess.uri().toString(), heaviest, jit, 10);
            warmRuntime(runtime, context, wrk, heaviest, jit);
            for (int connections : options.integers("wrk-connections")) {
                String function = "sbs" + connections;
                deploy(runtime, context, function);
                String trigger = runtime.uri("/fn/" + function).toString();
                Bench.log("wrk -c " + connections + ": fn4j from deploy, then warm");
                try (CallRate rate = CallRate.start(() -> runtime.answeredCalls(function))) {
                    report.sideBySide.add(wrk.run(FROM_DEPLOY, trigger, connections, seconds, 10));
                    report.sideBySideSeconds.put(connections + " from deploy", rate.seconds());
                }
                report.sideBySideInstances.put(connections, WarmLoad.instances(runtime, function));
                try (CallRate rate = CallRate.start(() -> runtime.answeredCalls(function))) {
                    report.sideBySide.add(wrk.run(WARM, trigger, connections, seconds, 10));
                    report.sideBySideSeconds.put(connections + " warm", rate.seconds());
                }
                if (gcf != null) {
                    Bench.log("wrk -c " + connections + ": GCF invoker");
                    report.sideBySide.add(wrk.run(GCF, gcf.uri().toString(), connections, seconds, 10));
                }
                Bench.log("wrk -c " + connections + ": in-process");
                report.sideBySide.add(wrk.run(IN_PROCESS, inProcess.uri().toString(), connections, seconds, 10));
                if (options.integer("naive-seconds") > 0) {
                    Bench.log("wrk -c " + connections + ": docker run per call");
                    report.sideBySide.add(
                            wrk.run(NAIVE, naive.uri().toString(), connections, options.integer("naive-seconds"), 120));
                }
                runtime.delete(function);
            }
        } finally {
            if (gcf != null) {
                gcf.close();
            }
        }
    }

    /** The runtime's JIT warm-up: a function of its own under wrk, deleted before the measured runs. */
    private static void warmRuntime(
            RuntimeUnderTest runtime, BenchContext context, Wrk wrk, int connections, int seconds) throws IOException {
        if (seconds <= 0) {
            return;
        }
        String function = "jit-warmup";
        deploy(runtime, context, function);
        Bench.log("wrk -c " + connections + ": fn4j JIT warm-up, " + seconds + " s");
        wrk.run(WARM, runtime.uri("/fn/" + function).toString(), connections, seconds, 10);
        runtime.delete(function);
    }

    /** Deploys {@code function} with the default spec; throws when the runtime refuses it. */
    private static void deploy(RuntimeUnderTest runtime, BenchContext context, String function) throws IOException {
        RuntimeUnderTest.Reply deployed = runtime.deploy(function, context.defaultSpec());
        if (deployed.status() / 100 != 2) {
            throw new IOException("PUT " + function + " answered " + deployed.status() + ": " + deployed.body());
        }
    }
}
