package dev.fn4j.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness's entry point: parses the options, runs the {@link Scenario}s in order
 * (baselines, set-up, cold start, socket round trips, warm load), cleans up, and prints the
 * Markdown report and writes it to a file.
 *
 * <p>Leaves nothing behind: the runtime is stopped with SIGTERM (it removes its containers), the
 * bench's own containers and the image are removed, and the work directory is deleted, also on
 * Ctrl-C. Not a test: it reports numbers and asserts none.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fn4j-bench: " + e.getMessage());
            System.err.println(Options.usage());
            System.exit(64);
            return;
        }
        if (options.flag("help")) {
            System.out.println(Options.usage());
            return;
        }
        BenchContext context = new BenchContext(options);
        Thread hook = new Thread(context::close, "fn4j-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try {
            run(context, scenarios(options));
        } catch (Exception e) {
            System.err.println("fn4j-bench: failed: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        String markdown = context.report().markdown(options);
        System.out.println();
        System.out.println(markdown);
        Path out = Path.of(options.string("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.err.println("[bench] report written to " + out.toAbsolutePath());
        System.exit(exit);
    }

    /**
     * In this order: the set-up comes before everything that needs the runtime or the image, and
     * the warm load last, so its one-client rows are measured on JVMs warmed by minutes of load.
     */
    static List<Scenario> scenarios(Options options) {
        List<Scenario> scenarios = new ArrayList<>();
        if (options.string("suite").equals("memory")) {
            // A fresh runtime's memory with idle functions, with no load before it.
            scenarios.add(new EchoSetUp());
            scenarios.add(new IdleMemory());
            return scenarios;
        }
        if (options.string("suite").equals("control-plane")) {
            // The control plane's latency alone: idle, under sync saturation, during an async burst.
            scenarios.add(new EchoSetUp());
            scenarios.add(new ControlPlaneLoad());
            return scenarios;
        }
        if (options.string("suite").equals("side-by-side")
                || options.string("suite").equals("load")) {
            scenarios.add(new EchoSetUp());
            scenarios.add(new SideBySide());
            if (options.string("suite").equals("load")) {
                // The wrk tables alone: a quick A/B of the data path.
                return scenarios;
            }
            scenarios.add(new ControlPlaneLoad());
            scenarios.add(new IdleMemory());
            return scenarios;
        }
        if (!options.flag("skip-docker-baseline") && !options.flag("cold-only")) {
            scenarios.add(new DockerBaselines());
        }
        scenarios.add(new EchoSetUp());
        scenarios.add(new ColdStarts());
        if (options.flag("cold-only")) {
            return scenarios;
        }
        scenarios.add(new SocketEchoThread());
        scenarios.add(new HostProcessSocket());
        scenarios.add(new HostContainerSocket());
        scenarios.add(new WarmLoad());
        scenarios.add(new SideBySide());
        scenarios.add(new ControlPlaneLoad());
        scenarios.add(new IdleMemory());
        return scenarios;
    }

    private static void run(BenchContext context, List<Scenario> scenarios) throws Exception {
        Report report = context.report();
        report.started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        report.environment = Environment.describe(context.options());
        for (Scenario scenario : scenarios) {
            try {
                scenario.run(context);
            } catch (Exception e) {
                log("scenario '" + scenario.name() + "' failed");
                throw e;
            }
        }
        report.finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
