package dev.fn4j.bench;

import dev.fn4j.runtime.engine.InstanceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real host in the echo image, started with {@code docker run -d} under the runtime's own
 * lock-down ({@link DockerRunCommand}), over the socket: time until the CLI returns and until the
 * host's Hello, {@code --cold-runs} times, and warm round trips with the last one.
 */
final class HostContainerSocket implements Scenario {

    @Override
    public String name() {
        return "socket round trips to the host in a locked-down container";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Bench.log("socket: the real host in a locked-down container (docker run)");
        List<Long> cliStart = new ArrayList<>();
        List<Long> hello = new ArrayList<>();
        int runs = options.integer("cold-runs");
        for (int i = 0; i < runs; i++) {
            boolean last = i == runs - 1;
            String name = "fn4j-bench-" + context.runId() + "-host-" + i;
            try (FrameEndpoint endpoint = FrameEndpoint.open(context.workDir().resolve("c" + i))) {
                List<String> args = DockerRunCommand.of(new InstanceSpec(
                        name,
                        context.imageId(),
                        HostEnv.of(HostEnv.CONTAINER_SOCKET),
                        Map.of(BenchContext.RUN_LABEL, context.runId()),
                        endpoint.dir(),
                        options.memoryBytes(),
                        options.nanoCpus()));
                long t0 = System.nanoTime();
                CompletableFuture<Docker.Result> started = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Docker.run(120, args);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                started.whenComplete((r, e) -> {
                    if (e != null || !r.ok()) {
                        endpoint.stop();
                    }
                });
                try {
                    FrameEndpoint.Caller caller;
                    try {
                        caller = endpoint.accept(60, context.body());
                    } catch (IOException e) {
                        Docker.Result r = started.getNow(null);
                        throw new IOException(
                                "the host container did not connect"
                                        + (r == null ? "" : ": docker run exited " + r.exit() + ": " + r.trimmed()),
                                e);
                    }
                    hello.add(System.nanoTime() - t0);
                    Docker.Result r = started.get(120, TimeUnit.SECONDS);
                    cliStart.add(r.nanos());
                    if (last) {
                        String id = r.trimmed();
                        context.report()
                                .latency
                                .add(Load.sequential(
                                        "the real host in a locked-down container (Unix socket, `docker run`)",
                                        () -> caller,
                                        options.integer("socket-warmup-calls"),
                                        options.integer("calls"),
                                        options.integer("max-phase-seconds"),
                                        CpuMeter.none().containers("container", () -> List.of(id))));
                    }
                    caller.close();
                } finally {
                    Docker.run(60, "rm", "-f", name);
                }
            }
        }
        Report report = context.report();
        report.cold.put("`docker run -d` of the echo image with the runtime's lockdown flags: CLI returns", cliStart);
        report.cold.put("… to the host's Hello on the socket (container + JVM + host ready)", hello);
    }
}
