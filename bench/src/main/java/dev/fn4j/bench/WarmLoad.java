package dev.fn4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;

/**
 * Warm calls, the runtime against the same handler served in-process (the upper bound): a JIT
 * warm-up of both, closed-loop throughput for each {@code --clients} count, then one client's
 * sequential latency, sampling CPU time and the runtime's own timing in every measured window.
 */
final class WarmLoad implements Scenario {

    private static final String FUNCTION = "echo";

    @Override
    public String name() {
        return "warm load: runtime vs. in-process";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Report report = context.report();
        RuntimeUnderTest runtime = context.runtime();
        byte[] body = context.body();
        RuntimeUnderTest.Reply deployed = runtime.deploy(FUNCTION, context.spec(0));
        if (deployed.status() != 201 && deployed.status() != 200) {
            throw new IOException("PUT echo answered " + deployed.status() + ": " + deployed.body());
        }
        report.warmSpec = context.spec(0);
        RuntimeUnderTest.Reply first = runtime.invoke(FUNCTION, body);
        if (first.status() != 200) {
            throw new IOException("first call of echo answered " + first.status() + ": " + first.body());
        }
        InProcessServer inProcess = new InProcessServer(options.integer("in-process-worker-threads"));
        context.inProcess(inProcess);
        URI runtimeUri = runtime.uri("/v1/functions/" + FUNCTION + "/invocations");
        String kind = options.string("client");
        int warmupCalls = options.integer("warmup-calls");
        int calls = options.integer("calls");
        int maxSeconds = options.integer("max-phase-seconds");
        int warmupSeconds = options.integer("warmup-seconds");
        int seconds = options.integer("duration");
        CpuMeter runtimeMeter = CpuMeter.none()
                .self("bench JVM")
                .process("runtime JVM", runtime.pid())
                .containers("instances", () -> Docker.instancesOf(context.runtimeLabel(), FUNCTION))
                .counter("server-ns", () -> timing(runtime, 0))
                .counter("server-calls", () -> timing(runtime, 1))
                .machine();
        CpuMeter inProcessMeter = CpuMeter.none().self("bench JVM").machine();

        // The in-process server ignores the key; sending it there too keeps both requests alike.
        try (LoadClient toRuntime = LoadClient.create(kind, runtimeUri, body, runtime.apiKey());
                LoadClient toInProcess = LoadClient.create(kind, inProcess.uri(), body, runtime.apiKey())) {
            // JIT warm-up of both servers (and the client) before anything is measured; then
            // throughput, whose minutes of load leave everything warm for the 1-client run.
            int jit = options.integer("jit-warmup-seconds");
            int warmClients = options.integers("clients").get(0);
            Bench.log("JIT warm-up: " + warmClients + " clients for " + jit + "s on each target");
            Load.concurrent("warm-up", Load.of(toRuntime), warmClients, jit, 0, CpuMeter.none());
            Load.concurrent("warm-up", Load.of(toInProcess), warmClients, jit, 0, CpuMeter.none());
            for (int clients : options.integers("clients")) {
                Bench.log("throughput, " + clients + " clients: runtime (" + warmupSeconds + "s warm-up + " + seconds
                        + "s)");
                report.throughput.add(Load.concurrent(
                        "runtime (container instances)",
                        Load.of(toRuntime),
                        clients,
                        warmupSeconds,
                        seconds,
                        runtimeMeter));
                report.instancesAfter.put(clients, instances(runtime));
                Bench.log("throughput, " + clients + " clients: in-process");
                report.throughput.add(Load.concurrent(
                        "in-process (same handler, no isolation)",
                        Load.of(toInProcess),
                        clients,
                        warmupSeconds,
                        seconds,
                        inProcessMeter));
            }
            // First in the latency table, ahead of the socket rows measured earlier.
            Bench.log("warm latency, 1 client: runtime");
            report.latency.add(
                    0,
                    Load.sequential(
                            "runtime (container instance)",
                            Load.of(toRuntime),
                            warmupCalls,
                            calls,
                            maxSeconds,
                            runtimeMeter));
            Bench.log("warm latency, 1 client: in-process");
            report.latency.add(
                    1,
                    Load.sequential(
                            "in-process (same handler, no isolation)",
                            Load.of(toInProcess),
                            warmupCalls,
                            calls,
                            maxSeconds,
                            inProcessMeter));
        }
    }

    /** One part of the runtime's own timing of echo's calls; -1 when unavailable. */
    private static long timing(RuntimeUnderTest runtime, int part) {
        long[] timing = runtime.invocationTiming(FUNCTION);
        return timing == null ? -1 : timing[part];
    }

    private static int instances(RuntimeUnderTest runtime) {
        return instances(runtime, FUNCTION);
    }

    /** The function's live instances now; -1 when unknown. */
    static int instances(RuntimeUnderTest runtime, String function) {
        try {
            JsonNode json = runtime.describe(function).json();
            return json.path("instances").size();
        } catch (IOException e) {
            return -1;
        }
    }
}
