package dev.fn4j.bench;

import dev.fn4j.protocol.ImageLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real host jar as a plain process (no container), started as the image starts it, over the
 * socket: time from exec to its Hello, {@code --cold-runs} times, and warm round trips with the
 * last one.
 */
final class HostProcessSocket implements Scenario {

    @Override
    public String name() {
        return "socket round trips to the host as a plain process";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Bench.log("socket: the real host as a plain process (no container)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Path.of(options.string("host-jar")).toAbsolutePath() + ":" + context.classes();
        List<Long> ready = new ArrayList<>();
        int runs = options.integer("cold-runs");
        for (int i = 0; i < runs; i++) {
            boolean last = i == runs - 1;
            Path dir = context.workDir();
            try (FrameEndpoint endpoint = FrameEndpoint.open(dir.resolve("h" + i))) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(ImageLayout.JVM_FLAGS);
                command.addAll(List.of("-cp", classPath, ImageLayout.MAIN_CLASS));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("host-" + i + ".log").toFile());
                builder.environment().putAll(HostEnv.of(endpoint.socket().toString()));
                long t0 = System.nanoTime();
                Process host = builder.start();
                try {
                    FrameEndpoint.Caller caller = endpoint.accept(30, context.body());
                    ready.add(System.nanoTime() - t0);
                    if (last) {
                        context.report()
                                .latency
                                .add(Load.sequential(
                                        "the real host as a plain process (Unix socket, no container)",
                                        () -> caller,
                                        options.integer("socket-warmup-calls"),
                                        options.integer("calls"),
                                        options.integer("max-phase-seconds"),
                                        CpuMeter.none().process("host JVM", host.pid())));
                    }
                    caller.close();
                } finally {
                    if (!host.waitFor(10, TimeUnit.SECONDS)) {
                        host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
        }
        context.report().cold.put("host as a plain process: JVM start → Hello on the socket (no container)", ready);
    }
}
