package dev.fn4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark harness. Builds the echo function's image, starts the runtime jar as a process,
 * and measures: cold start, warm latency with one client, throughput with several concurrent
 * clients, the same loads against the same handler served in-process (the upper bound), and the
 * Unix-socket round trip to the host alone. Prints a Markdown report and writes it to a file.
 *
 * <p>Leaves nothing behind: the runtime is stopped with SIGTERM (it removes its containers), the
 * bench's own containers and the image are removed, and the work directory is deleted, also on
 * Ctrl-C. Not a test: it reports numbers and asserts none.
 */
public final class Bench {

    private static final String HANDLER = Echo.class.getName();

    private final Options options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final byte[] body;
    private final Path workDir;
    private final String imageName = "fn4j-bench/echo:" + runId;
    private final Report report = new Report();

    private RuntimeUnderTest runtime;
    private InProcessServer inProcess;
    private String imageId;
    private boolean cleanedUp;

    private Bench(Options options) throws IOException {
        this.options = options;
        this.body = payload(options.integer("body-bytes"));
        // Short, under /tmp: the runtime's instance sockets live below it (107-byte path limit).
        this.workDir = Files.createTempDirectory(Path.of("/tmp"), "fn4jb-");
    }

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
        Bench bench = new Bench(options);
        Thread hook = new Thread(bench::cleanUp, "fn4j-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.err.println("fn4j-bench: failed: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            bench.cleanUp();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        String markdown = bench.report.markdown(bench.options);
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

    private void run() throws Exception {
        report.started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        report.environment = Environment.describe(options);
        if (!options.flag("skip-docker-baseline")) {
            dockerBaselines();
        }
        Path classes = EchoImage.classesDir(workDir);
        buildAndStart(classes);
        coldStarts();
        socketRoundTrips(classes);
        warm();
        report.finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- docker and JVM baselines

    private void dockerBaselines() throws IOException {
        String base = Options.dockerReference(options.string("base-image"));
        int runs = options.integer("cold-runs");
        log("baselines: docker run/create/start of " + base + " `java -version`, " + runs + "×");
        List<Long> run = new ArrayList<>();
        List<Long> create = new ArrayList<>();
        List<Long> start = new ArrayList<>();
        List<Long> remove = new ArrayList<>();
        List<Long> nativeJava = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            String name = "fn4j-bench-" + runId + "-base-" + i;
            Docker.Result r = Docker.check(120, "run", "--rm", "--name", name, "--label",
                    "dev.fn4j.bench-run=" + runId, "--network", "none", base, "java", "-version");
            run.add(r.nanos());
            Docker.Result c = Docker.check(60, "create", "--name", name, "--label",
                    "dev.fn4j.bench-run=" + runId, "--network", "none", base, "java", "-version");
            create.add(c.nanos());
            start.add(Docker.check(120, "start", "-a", name).nanos());
            remove.add(Docker.check(60, "rm", "-f", name).nanos());
            nativeJava.add(timeProcess(List.of(java, "-version")));
        }
        report.cold.put("`docker run --rm` base image `java -version` (create+start+JVM+exit+rm)", run);
        report.cold.put("… `docker create`", create);
        report.cold.put("… `docker start -a` (start + JVM `-version` + exit)", start);
        report.cold.put("… `docker rm`", remove);
        report.cold.put("`java -version` on the machine, no container", nativeJava);
    }

    private static long timeProcess(List<String> command) throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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

    // ---------------------------------------------------------------- build, start, upload

    private void buildAndStart(Path classes) throws Exception {
        Path hostJar = Path.of(options.string("host-jar"));
        log("building " + imageName + " on " + options.string("base-image") + " with " + hostJar);
        long t0 = System.nanoTime();
        Path tar = EchoImage.build(options.string("base-image"), hostJar, classes, imageName,
                workDir.resolve("echo.tar"));
        report.setup.put("build the echo image (fn4j-image, tar)", System.nanoTime() - t0);

        log("starting the runtime from " + options.string("runtime-jar"));
        t0 = System.nanoTime();
        runtime = RuntimeUnderTest.start(Path.of(options.string("runtime-jar")), workDir,
                options.list("runtime-jvm-args"));
        report.setup.put("start the runtime jar until /healthz answers 200",
                System.nanoTime() - t0);

        RuntimeUnderTest.Reply upload = runtime.uploadImage(tar);
        if (upload.status() != 201) {
            throw new IOException("upload answered " + upload.status() + ": " + upload.body());
        }
        imageId = upload.json().path("id").asText();
        report.setup.put("upload the image (POST /v1/images, " + Files.size(tar) / 1024
                + " KiB)", upload.nanos());
        log("uploaded " + imageId);
    }

    private String spec(int minInstances) {
        return "{\"image\":\"" + imageId + "\",\"handler\":\"" + HANDLER + "\""
                + ",\"timeout\":\"30s\",\"memory\":\"" + options.string("memory") + "\""
                + ",\"cpus\":" + options.string("cpus")
                + ",\"concurrency\":" + options.integer("concurrency")
                + ",\"minInstances\":" + minInstances
                + ",\"maxInstances\":" + options.integer("max-instances")
                + ",\"maxQueue\":" + options.integer("max-queue")
                + ",\"idleTimeout\":\"30m\"}";
    }

    // ---------------------------------------------------------------- cold start

    private void coldStarts() throws Exception {
        int runs = options.integer("cold-runs");
        log("cold starts: " + runs + " fresh functions");
        List<Long> put = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> deployToAnswer = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        List<Long> delete = new ArrayList<>();
        report.coldSpec = spec(0);
        long[] before = runtime.coldStartTiming();
        for (int i = 1; i <= runs; i++) {
            String name = "echo-cold-" + i;
            RuntimeUnderTest.Reply deployed = runtime.deploy(name, spec(0));
            if (deployed.status() != 201 && deployed.status() != 200) {
                throw new IOException("PUT " + name + " answered " + deployed.status() + ": "
                        + deployed.body());
            }
            RuntimeUnderTest.Reply call = runtime.invoke(name, body);
            if (call.status() != 200 || !call.coldStart()) {
                throw new IOException("first call of " + name + " answered " + call.status()
                        + " (cold start: " + call.coldStart() + "): " + call.body());
            }
            RuntimeUnderTest.Reply again = runtime.invoke(name, body);
            put.add(deployed.nanos());
            first.add(call.nanos());
            deployToAnswer.add(deployed.nanos() + call.nanos());
            second.add(again.nanos());
            RuntimeUnderTest.Reply deleted = runtime.delete(name);
            delete.add(deleted.nanos());
            awaitNoContainers("dev.fn4j.function=" + name);
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

    private void awaitNoContainers(String label) throws InterruptedException {
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < stop) {
            if (Docker.containers("dev.fn4j.runtime=" + runtime.runtimeId(), label).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        log("warning: containers with " + label + " still there after 30s");
    }

    // ---------------------------------------------------------------- socket round trips

    private void socketRoundTrips(Path classes) throws Exception {
        // Fresh JVMs on both ends: a longer warm-up than the HTTP runs, which follow minutes of
        // load. These calls take tens of microseconds, so it costs about a second.
        int warmup = options.integer("socket-warmup-calls");
        int calls = options.integer("calls");
        int maxSeconds = options.integer("max-phase-seconds");

        log("socket: in-JVM frame echo over a Unix socket");
        try (FrameEndpoint endpoint = FrameEndpoint.open(workDir.resolve("s0"))) {
            FrameEndpoint.startEchoHost(endpoint.socket());
            FrameEndpoint.Caller caller = endpoint.accept(10, body);
            report.latency.add(Load.sequential("Unix socket + frame codec only (echo thread in the bench JVM)",
                    () -> caller, warmup, calls, maxSeconds, CpuMeter.none()));
        }

        log("socket: the real host as a plain process (no container)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Path.of(options.string("host-jar")).toAbsolutePath() + ":" + classes;
        List<Long> ready = new ArrayList<>();
        int runs = options.integer("cold-runs");
        for (int i = 0; i < runs; i++) {
            boolean last = i == runs - 1;
            try (FrameEndpoint endpoint = FrameEndpoint.open(workDir.resolve("h" + i))) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(dev.fn4j.protocol.ImageLayout.JVM_FLAGS);
                command.addAll(List.of("-cp", classPath, dev.fn4j.protocol.ImageLayout.MAIN_CLASS));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("host-" + i + ".log").toFile());
                builder.environment().putAll(hostEnv(endpoint.socket().toString()));
                long t0 = System.nanoTime();
                Process host = builder.start();
                try {
                    FrameEndpoint.Caller caller = endpoint.accept(30, body);
                    ready.add(System.nanoTime() - t0);
                    if (last) {
                        report.latency.add(Load.sequential(
                                "the real host as a plain process (Unix socket, no container)",
                                () -> caller, warmup, calls, maxSeconds,
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
        report.cold.put("host as a plain process: JVM start → Hello on the socket (no container)",
                ready);

        log("socket: the real host in a locked-down container (docker run)");
        List<Long> cliStart = new ArrayList<>();
        List<Long> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            boolean last = i == runs - 1;
            String name = "fn4j-bench-" + runId + "-host-" + i;
            try (FrameEndpoint endpoint = FrameEndpoint.open(workDir.resolve("c" + i))) {
                List<String> args = dockerRunArgs(name, endpoint.dir());
                long t0 = System.nanoTime();
                CompletableFuture<Docker.Result> started = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Docker.run(120, args);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
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
                        caller = endpoint.accept(60, body);
                    } catch (IOException e) {
                        Docker.Result r = started.getNow(null);
                        throw new IOException("the host container did not connect"
                                + (r == null ? "" : ": docker run exited " + r.exit() + ": "
                                + r.trimmed()), e);
                    }
                    hello.add(System.nanoTime() - t0);
                    Docker.Result r = started.get(120, TimeUnit.SECONDS);
                    cliStart.add(r.nanos());
                    if (last) {
                        String id = r.trimmed();
                        report.latency.add(Load.sequential(
                                "the real host in a locked-down container (Unix socket, `docker run`)",
                                () -> caller, warmup, calls, maxSeconds,
                                CpuMeter.none().containers("container", () -> List.of(id))));
                    }
                    caller.close();
                } finally {
                    Docker.run(60, "rm", "-f", name);
                }
            }
        }
        report.cold.put("`docker run -d` of the echo image with the runtime's lockdown flags: CLI returns", cliStart);
        report.cold.put("… to the host's Hello on the socket (container + JVM + host ready)", hello);
    }

    private Map<String, String> hostEnv(String socket) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FN4J_SOCKET", socket);
        env.put("FN4J_INSTANCE_ID", "bench");
        env.put("FN4J_HANDLER", HANDLER);
        env.put("FN4J_FUNCTION", "echo");
        env.put("FN4J_CONCURRENCY", "1");
        env.put("FN4J_CONFIG_KEYS", "");
        return env;
    }

    /** The isolation the runtime gives an instance (its Lockdown class), on the command line. */
    private List<String> dockerRunArgs(String name, Path socketDir) {
        String memory = options.string("memory");
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name,
                "--label", "dev.fn4j.bench-run=" + runId,
                "--network", "none", "--read-only",
                "--tmpfs", "/tmp:rw,noexec,nosuid,size=64m",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--ipc", "private", "--pids-limit", "128",
                "--memory", memory, "--memory-swap", memory,
                "--cpus", options.string("cpus"),
                "--ulimit", "nofile=1024:1024",
                "--log-driver", "json-file", "--log-opt", "max-size=1m", "--log-opt", "max-file=1",
                "--init",
                "--mount", "type=bind,source=" + socketDir + ",target=/fn4j"));
        hostEnv("/fn4j/fn.sock").forEach((k, v) -> {
            args.add("-e");
            args.add(k + "=" + v);
        });
        args.add(imageId);
        return args;
    }

    // ---------------------------------------------------------------- warm: runtime vs in-process

    private void warm() throws Exception {
        RuntimeUnderTest.Reply deployed = runtime.deploy("echo", spec(0));
        if (deployed.status() != 201 && deployed.status() != 200) {
            throw new IOException("PUT echo answered " + deployed.status() + ": " + deployed.body());
        }
        report.warmSpec = spec(0);
        RuntimeUnderTest.Reply first = runtime.invoke("echo", body);
        if (first.status() != 200) {
            throw new IOException("first call of echo answered " + first.status() + ": "
                    + first.body());
        }
        inProcess = new InProcessServer(options.integer("in-process-worker-threads"));
        URI runtimeUri = runtime.uri("/v1/functions/echo/invocations");
        String kind = options.string("client");
        int warmupCalls = options.integer("warmup-calls");
        int calls = options.integer("calls");
        int maxSeconds = options.integer("max-phase-seconds");
        int warmupSeconds = options.integer("warmup-seconds");
        int seconds = options.integer("duration");
        String rid = runtime.runtimeId();
        CpuMeter runtimeMeter = CpuMeter.none().self("bench JVM").process("runtime JVM", runtime.pid())
                .containers("instances", () -> Docker.containers("dev.fn4j.runtime=" + rid,
                        "dev.fn4j.function=echo"))
                .counter("server-ns", () -> timing(0))
                .counter("server-calls", () -> timing(1)).machine();
        CpuMeter inProcessMeter = CpuMeter.none().self("bench JVM").machine();

        // The in-process server ignores the key; sending it there too keeps both requests alike.
        try (LoadClient toRuntime = LoadClient.create(kind, runtimeUri, body, runtime.apiKey());
                LoadClient toInProcess = LoadClient.create(kind, inProcess.uri(), body,
                        runtime.apiKey())) {
            // JIT warm-up of both servers (and the client) before anything is measured; then
            // throughput, whose minutes of load leave everything warm for the 1-client run.
            int jit = options.integer("jit-warmup-seconds");
            int warmClients = options.integers("clients").get(0);
            log("JIT warm-up: " + warmClients + " clients for " + jit + "s on each target");
            Load.concurrent("warm-up", Load.of(toRuntime), warmClients, jit, 0, CpuMeter.none());
            Load.concurrent("warm-up", Load.of(toInProcess), warmClients, jit, 0, CpuMeter.none());
            for (int clients : options.integers("clients")) {
                log("throughput, " + clients + " clients: runtime (" + warmupSeconds + "s warm-up + "
                        + seconds + "s)");
                report.throughput.add(Load.concurrent("runtime (container instances)",
                        Load.of(toRuntime), clients, warmupSeconds, seconds, runtimeMeter));
                report.instancesAfter.put(clients, instances("echo"));
                log("throughput, " + clients + " clients: in-process");
                report.throughput.add(Load.concurrent("in-process (same handler, no isolation)",
                        Load.of(toInProcess), clients, warmupSeconds, seconds, inProcessMeter));
            }
            log("warm latency, 1 client: runtime");
            report.latency.add(0, Load.sequential("runtime (container instance)",
                    Load.of(toRuntime), warmupCalls, calls, maxSeconds, runtimeMeter));
            log("warm latency, 1 client: in-process");
            report.latency.add(1, Load.sequential("in-process (same handler, no isolation)",
                    Load.of(toInProcess), warmupCalls, calls, maxSeconds, inProcessMeter));
        }
    }

    /** One part of the runtime's own timing of echo's calls; -1 when unavailable. */
    private long timing(int part) {
        long[] timing = runtime.invocationTiming("echo");
        return timing == null ? -1 : timing[part];
    }

    private int instances(String name) {
        try {
            JsonNode json = runtime.describe(name).json();
            return json.path("instances").size();
        } catch (IOException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- clean-up

    private synchronized void cleanUp() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        if (inProcess != null) {
            inProcess.close();
        }
        if (runtime != null) {
            log("stopping the runtime (SIGTERM)");
            runtime.close();
        }
        int left = Docker.removeContainers("dev.fn4j.bench-run=" + runId);
        if (left > 0) {
            log("removed " + left + " bench container(s)");
        }
        try {
            Docker.run(60, "rmi", "-f", imageName);
            if (imageId != null) {
                Docker.run(60, "rmi", "-f", imageId);
            }
        } catch (IOException e) {
            log("could not remove the image " + imageName + ": " + e.getMessage());
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

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static byte[] payload(int size) {
        StringBuilder sb = new StringBuilder(size);
        String text = "hello fn4j ";
        while (sb.length() < size) {
            sb.append(text.charAt(sb.length() % text.length()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- options

    /** {@code --name value} options over defaults. */
    static final class Options {
        private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

        static {
            Path target = benchTarget();
            DEFAULTS.put("base-image", "docker://fn4j/jre-base:17");
            DEFAULTS.put("runtime-jar", "runtime/target/fn4j-runtime.jar");
            DEFAULTS.put("host-jar", target.resolve("bench-host/fn4j-host.jar").toString());
            DEFAULTS.put("out", target.resolve("bench-results.md").toString());
            DEFAULTS.put("client", "jdk");
            DEFAULTS.put("body-bytes", "64");
            DEFAULTS.put("warmup-calls", "2000");
            DEFAULTS.put("socket-warmup-calls", "20000");
            DEFAULTS.put("calls", "5000");
            DEFAULTS.put("max-phase-seconds", "120");
            DEFAULTS.put("clients", "16,64");
            DEFAULTS.put("warmup-seconds", "5");
            DEFAULTS.put("jit-warmup-seconds", "10");
            DEFAULTS.put("duration", "15");
            DEFAULTS.put("cold-runs", "5");
            DEFAULTS.put("concurrency", "16");
            DEFAULTS.put("max-instances", "2");
            DEFAULTS.put("max-queue", "1000");
            DEFAULTS.put("memory", "256m");
            DEFAULTS.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
            DEFAULTS.put("in-process-worker-threads", "256");
            DEFAULTS.put("runtime-jvm-args", "");
            DEFAULTS.put("command", "");
        }

        private final Map<String, String> values;

        private Options(Map<String, String> values) {
            this.values = values;
        }

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
            values.put("help", "false");
            values.put("skip-docker-baseline", "false");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (name.equals("help") || name.equals("skip-docker-baseline")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
                values.put(name, value);
            }
            Options options = new Options(values);
            for (String n : List.of("body-bytes", "warmup-calls", "socket-warmup-calls", "calls", "max-phase-seconds",
                    "warmup-seconds", "jit-warmup-seconds", "duration", "cold-runs", "concurrency", "max-instances",
                    "max-queue", "in-process-worker-threads")) {
                if (options.integer(n) < (n.contains("warmup") || n.equals("max-queue") ? 0 : 1)) {
                    throw new IllegalArgumentException("--" + n + " is out of range: "
                            + options.string(n));
                }
            }
            if (options.integers("clients").isEmpty()) {
                throw new IllegalArgumentException("--clients needs at least one number");
            }
            Double.parseDouble(options.string("cpus"));
            return options;
        }

        static String usage() {
            StringBuilder sb = new StringBuilder("usage: java -jar bench/target/fn4j-bench.jar"
                    + " [--name value]... [--skip-docker-baseline] [--help]\noptions and defaults:\n");
            DEFAULTS.forEach((k, v) -> sb.append("  --").append(k).append(' ')
                    .append(v.isEmpty() ? "''" : v).append('\n'));
            return sb.toString();
        }

        String string(String name) {
            return values.get(name);
        }

        int integer(String name) {
            try {
                return Integer.parseInt(values.get(name).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number: "
                        + values.get(name));
            }
        }

        List<Integer> integers(String name) {
            List<Integer> list = new ArrayList<>();
            for (String part : values.get(name).split(",")) {
                if (!part.isBlank()) {
                    int n = Integer.parseInt(part.trim());
                    if (n < 1 || n > 1024) {
                        throw new IllegalArgumentException("--" + name + ": 1 to 1024: " + n);
                    }
                    list.add(n);
                }
            }
            return list;
        }

        List<String> list(String name) {
            String value = values.get(name).trim();
            return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(values.get(name));
        }

        Map<String, String> all() {
            Map<String, String> copy = new LinkedHashMap<>(values);
            copy.remove("help");
            copy.remove("command");
            return copy;
        }

        /** "docker://x" → "x"; other base image forms are not runnable by the docker CLI. */
        static String dockerReference(String baseImage) {
            return baseImage.startsWith("docker://") ? baseImage.substring(9) : baseImage;
        }

        /** The bench module's target directory: where the jar, lib/ and bench-host/ are. */
        private static Path benchTarget() {
            try {
                Path location = Path.of(Bench.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI());
                // target/fn4j-bench.jar or target/classes: both sit in target/.
                return location.getParent();
            } catch (URISyntaxException | RuntimeException e) {
                return Path.of("bench", "target");
            }
        }
    }

    /** Facts about the machine, for the report. */
    static final class Environment {
        private Environment() {}

        static Map<String, String> describe(Options options) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores visible (`nproc`)");
            env.put("memory", memory());
            env.put("kernel", read("/proc/sys/kernel/osrelease"));
            env.put("Java", System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.runtime.version"));
            try {
                Docker.Result v = Docker.run(30, "version", "--format", "{{.Server.Version}}");
                Docker.Result info = Docker.run(30, "info", "--format",
                        "{{.Driver}}, cgroup v{{.CgroupVersion}}, {{.CgroupDriver}}");
                env.put("Docker", (v.ok() ? v.trimmed() : "?")
                        + (info.ok() ? " (" + info.trimmed() + ")" : ""));
            } catch (IOException e) {
                env.put("Docker", "unknown: " + e.getMessage());
            }
            env.put("load generator", options.string("client").equals("raw")
                    ? "raw: minimal HTTP/1.1 keep-alive client, one blocking socket per client"
                    : "jdk: java.net.http.HttpClient, HTTP/1.1 keep-alive, one thread per client");
            env.put("load average before the run (1, 5, 15 min)", read("/proc/loadavg"));
            return env;
        }

        private static String cpuModel() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // fall through
            }
            return "unknown CPU";
        }

        private static String memory() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through
            }
            return "unknown";
        }

        static String read(String file) {
            try {
                return Files.readString(Path.of(file)).trim();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    /** Collected results and their Markdown. */
    static final class Report {
        Instant started;
        Instant finished;
        Map<String, String> environment = new LinkedHashMap<>();
        final Map<String, Long> setup = new LinkedHashMap<>();
        final Map<String, List<Long>> cold = new LinkedHashMap<>();
        final List<LoadResult> latency = new ArrayList<>();
        final List<LoadResult> throughput = new ArrayList<>();
        final Map<Integer, Integer> instancesAfter = new HashMap<>();
        String coldSpec = "";
        /** The runtime's own mean instance start time, from /metrics; null when unknown. */
        String coldInside;
        String warmSpec = "";

        String markdown(Options options) {
            StringBuilder md = new StringBuilder();
            md.append("# fn4j bench results\n\n");
            md.append("Started ").append(started).append(", finished ")
                    .append(finished == null ? "(incomplete: see the log)" : finished)
                    .append(".\n\n");
            if (!options.string("command").isEmpty()) {
                md.append("Command: `").append(options.string("command")).append("`\n\n");
            }
            md.append("| machine | |\n| --- | --- |\n");
            environment.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v)
                    .append(" |\n"));
            md.append("\nOptions: ");
            List<String> opts = new ArrayList<>();
            options.all().forEach((k, v) -> opts.add("`--" + k + " " + v + "`"));
            md.append(String.join(", ", opts)).append(".\n\n");
            md.append("Echo function spec (warm runs): `").append(warmSpec).append("`\n\n");

            md.append("## Warm latency, 1 client, sequential calls\n\n");
            md.append("HTTP rows: measured after a JIT warm-up and the throughput runs"
                    + " and ").append(options.string("warmup-calls")).append(" more warm-up calls."
                    + " Socket rows: fresh host JVMs, ").append(options.string("socket-warmup-calls"))
                    .append(" warm-up calls.\n\n");
            md.append("| target | calls | p50 | p90 | p99 | p99.9 | max | mean | calls/s | non-200 |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (LoadResult r : latency) {
                md.append("| ").append(r.target()).append(" | ").append(r.calls())
                        .append(" | ").append(p(r, 50)).append(" | ").append(p(r, 90))
                        .append(" | ").append(p(r, 99)).append(" | ").append(p(r, 99.9))
                        .append(" | ").append(Stats.micros(r.latency().getMaxValue()))
                        .append(" | ").append(Stats.micros(r.latency().getMean()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.throughput()))
                        .append(" | ").append(r.failureSummary()).append(" |\n");
            }
            md.append("\nMean latency, seen by the client vs. timed inside the runtime (its"
                    + " `fn4j_invocation_duration_seconds`: admission to answer = rate limiters,"
                    + " pool lease, Unix-socket round trip, host, release):\n\n");
            for (LoadResult r : latency) {
                serverSide(md, r);
            }
            for (LoadResult r : throughput) {
                serverSide(md, r);
            }
            md.append("\nCPU per call in the 1-client runs (all processes measured; µs of CPU"
                    + " time per call):\n\n");
            for (LoadResult r : latency) {
                if (!r.cpu().isEmpty()) {
                    md.append("- ").append(r.target()).append(": ").append(cpuPerCall(r))
                            .append('\n');
                }
            }

            md.append("\n## Throughput, closed loop, ").append(options.string("duration"))
                    .append(" s measured after ").append(options.string("warmup-seconds"))
                    .append(" s warm-up\n\n");
            md.append("| target | clients | ok calls/s | p50 | p90 | p99 | max | non-200 / errors |"
                    + " CPU µs per call | cores busy: measured processes / whole machine |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |\n");
            for (LoadResult r : throughput) {
                double busy = r.cpu().entrySet().stream()
                        .filter(e -> !e.getKey().startsWith(CpuMeter.COUNTER))
                        .mapToLong(Map.Entry::getValue).sum() / 1e9 / r.seconds();
                Long machine = r.cpu().get(CpuMeter.COUNTER + CpuMeter.MACHINE);
                md.append("| ").append(r.target()).append(" | ").append(r.clients())
                        .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.throughput()))
                        .append(" | ").append(p(r, 50)).append(" | ").append(p(r, 90))
                        .append(" | ").append(p(r, 99))
                        .append(" | ").append(Stats.micros(r.latency().getMaxValue()))
                        .append(" | ").append(r.failureSummary())
                        .append(" | ").append(cpuPerCall(r))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", busy))
                        .append(machine == null ? "" : String.format(Locale.ROOT, " / %.2f",
                                machine / 1e9 / r.seconds()))
                        .append(" |\n");
            }
            if (!instancesAfter.isEmpty()) {
                md.append("\nRuntime instances of `echo` after each load: ");
                List<String> parts = new ArrayList<>();
                instancesAfter.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> parts.add(e.getKey() + " clients → " + e.getValue()));
                md.append(String.join(", ", parts)).append(".\n");
            }

            md.append("\n## Cold start and its parts, ").append(options.string("cold-runs"))
                    .append(" runs each: median (min–max)\n\n");
            md.append("| what | time |\n| --- | ---: |\n");
            cold.forEach((k, v) -> md.append("| ").append(k).append(" | ")
                    .append(Stats.msSpread(v)).append(" |\n"));
            if (coldInside != null) {
                md.append("\nThe runtime's own timing of those instance starts"
                        + " (`fn4j_cold_start_duration_seconds`: container create and start, JVM"
                        + " start, host ready): ").append(coldInside).append(".\n");
            }
            md.append("\nCold-start function spec: `").append(coldSpec).append("`\n");

            md.append("\n## Set-up steps (once)\n\n| step | time |\n| --- | ---: |\n");
            setup.forEach((k, v) -> md.append("| ").append(k).append(" | ")
                    .append(Stats.millis(v)).append(" |\n"));
            return md.toString();
        }

        private static void serverSide(StringBuilder md, LoadResult r) {
            Long ns = r.cpu().get(CpuMeter.COUNTER + "server-ns");
            Long calls = r.cpu().get(CpuMeter.COUNTER + "server-calls");
            if (ns == null || calls == null || calls <= 0) {
                return;
            }
            double inside = (double) ns / calls;
            double outside = r.latency().getMean();
            md.append("- ").append(r.target()).append(", ").append(r.clients())
                    .append(r.clients() == 1 ? " client" : " clients").append(": client mean ")
                    .append(Stats.micros(outside)).append(", runtime-timed mean ")
                    .append(Stats.micros(inside)).append(" (").append(calls).append(" calls)")
                    .append(", so ").append(Stats.micros(outside - inside))
                    .append(" is spent outside the invoker (client, loopback TCP, HTTP parse,"
                            + " worker dispatch, body read, response write)\n");
        }

        private static String p(LoadResult r, double percentile) {
            return r.calls() == 0 ? "n/a"
                    : Stats.micros(r.latency().getValueAtPercentile(percentile));
        }

        private static String cpuPerCall(LoadResult r) {
            long calls = Math.max(1, r.calls());
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, Long> e : r.cpu().entrySet()) {
                if (e.getKey().startsWith(CpuMeter.COUNTER)) {
                    continue;
                }
                total += e.getValue();
                parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.0f",
                        e.getValue() / 1e3 / calls));
            }
            if (parts.isEmpty()) {
                return "n/a";
            }
            if (parts.size() > 1) {
                parts.add("total " + String.format(Locale.ROOT, "%.0f", total / 1e3 / calls));
            }
            return String.join(", ", parts);
        }
    }
}
