package dev.fn4j.bench;

/**
 * The Unix socket and the frame codec alone: the bench plays the runtime's end against an echo
 * thread in this JVM that answers each Invoke with its body.
 */
final class SocketEchoThread implements Scenario {

    @Override
    public String name() {
        return "socket round trips to an in-JVM echo";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Bench.log("socket: in-JVM frame echo over a Unix socket");
        try (FrameEndpoint endpoint = FrameEndpoint.open(context.workDir().resolve("s0"))) {
            FrameEndpoint.startEchoHost(endpoint.socket());
            FrameEndpoint.Caller caller = endpoint.accept(10, context.body());
            // Fresh JVMs on both ends: a longer warm-up than the HTTP runs, which follow minutes
            // of load. These calls take tens of microseconds, so it costs about a second.
            context.report()
                    .latency
                    .add(Load.sequential(
                            "Unix socket + frame codec only (echo thread in the bench JVM)",
                            () -> caller,
                            options.integer("socket-warmup-calls"),
                            options.integer("calls"),
                            options.integer("max-phase-seconds"),
                            CpuMeter.none()));
        }
    }
}
