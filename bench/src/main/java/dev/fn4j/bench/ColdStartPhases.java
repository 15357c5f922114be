package dev.fn4j.bench;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.runtime.engine.InstanceSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold-start phases of a record/JSON function, each lever A/B interleaved in one run: for every
 * round, every {@link ColdStartVariant} once (in a rotated order), timing {@code docker create},
 * {@code docker start}, the JVM's own "Create VM", the host's Hello and the first call's answer.
 * Starts the containers with the runtime's lock-down ({@link DockerRunCommand}) and speaks the
 * protocol itself, so no runtime runs. Not a test: it measures and asserts nothing.
 *
 * <pre>java -cp bench/target/fn4j-bench.jar dev.fn4j.bench.ColdStartPhases [rounds]</pre>
 *
 * <p>{@code -Dbase=} the base image (fn4j/jre-base:17); {@code -Dvariants=jdk} compares it with
 * {@code -Dbase25=} (fn4j/jre-base:25), each with the archive the runtime gives it.
 */
public final class ColdStartPhases {

    private static final Pattern CREATE_VM = Pattern.compile("Create VM, ([0-9.]+) secs");
    private static final byte[] INPUT = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
    private static final List<Frame.Header> JSON = List.of(new Frame.Header("content-type", "application/json"));

    /** Phase timings of one start, in nanoseconds. */
    record Phases(long create, long start, long jvm, long hello, long firstAnswer) {
        long total() {
            return create + hello + firstAnswer;
        }
    }

    private ColdStartPhases() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String base = System.getProperty("base", "fn4j/jre-base:17");
        Path hostJar = Path.of(System.getProperty("hostJar", "bench/target/bench-host/fn4j-host.jar"));
        String run = Long.toHexString(System.nanoTime() & 0xffffff);
        Path work = Files.createTempDirectory(Path.of("/tmp"), "fn4j-cold-");
        String image = "fn4j-bench/cold:" + run;
        String image25 = "fn4j-bench/cold25:" + run;
        String load = Environment.read("/proc/loadavg");
        List<ColdStartVariant> variants = ColdStartVariant.named(System.getProperty("variants", "levers"));
        try {
            ColdStartImage.build(base, hostJar, work, image);
            if (variants.stream().anyMatch(ColdStartVariant::jdk25)) {
                ColdStartImage.build(
                        System.getProperty("base25", "fn4j/jre-base:25"),
                        hostJar,
                        Files.createDirectories(work.resolve("jdk25")),
                        image25);
            }
            // One archive per image and kind the variants map, trained as the runtime trains it.
            Map<String, Path> archives = new java.util.HashMap<>();
            for (ColdStartVariant v : variants) {
                if (v.archive() != null) {
                    String img = v.jdk25() ? image25 : image;
                    archives.computeIfAbsent(
                            img + v.archive(), k -> train(img, work, run + "-" + archives.size(), v.archive()));
                }
            }
            Map<ColdStartVariant, List<Phases>> results = new LinkedHashMap<>();
            variants.forEach(v -> results.put(v, new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < variants.size(); k++) {
                    ColdStartVariant v = variants.get((k + round) % variants.size());
                    Path dir = work.resolve("r" + round + "-" + k);
                    String img = v.jdk25() ? image25 : image;
                    Path archive = v.archive() == null ? null : archives.get(img + v.archive());
                    results.get(v).add(once(img, v, dir, archive, run + "-" + round + "-" + k));
                }
                Bench.log("cold phases: round " + (round + 1) + "/" + rounds + " done");
            }
            System.out.println(ColdStartReport.markdown(results, rounds, load, Environment.read("/proc/loadavg")));
        } finally {
            Docker.removeContainers(BenchContext.RUN_LABEL + "=" + run);
            Docker.run(60, "rmi", "-f", image, image25);
            new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
        }
    }

    private static Path train(String image, Path work, String name, dev.fn4j.runtime.instance.ArchiveKind kind) {
        try {
            return ColdStartImage.train(image, work, name, kind);
        } catch (Exception e) {
            throw new IllegalStateException("training " + kind + " on " + image + " failed: " + e, e);
        }
    }

    private static Phases once(String image, ColdStartVariant v, Path dir, Path archive, String name) throws Exception {
        try (ServerSocketChannel server = ColdStartImage.listen(dir)) {
            if (v.archive() != null) {
                Files.createLink(dir.resolve(v.archive().file()), archive);
            }
            List<String> create = ColdStartImage.createArgs(image, spec(dir, name, v.env()), v.command(List.of()));
            create.set(create.indexOf("--network") + 1, v.network());
            long t0 = System.nanoTime();
            String id = Docker.check(60, create.toArray(String[]::new)).trimmed();
            long created = System.nanoTime() - t0;
            if (v.stemCell()) {
                Thread.sleep(200); // created ahead: the call arrives later
            }
            try {
                t0 = System.nanoTime();
                Docker.Result started = Docker.check(60, "start", id);
                SocketChannel channel = server.accept();
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                if (!(FrameCodec.read(in) instanceof Frame.Hello)) {
                    throw new IOException("no Hello from " + v.name());
                }
                long hello = System.nanoTime() - t0;
                t0 = System.nanoTime();
                FrameCodec.write(new Frame.Invoke("c1", System.currentTimeMillis() + 30_000, JSON, INPUT), out);
                out.flush();
                Frame answer = FrameCodec.read(in);
                long first = System.nanoTime() - t0;
                if (!(answer instanceof Frame.Result)) {
                    throw new IOException(v.name() + " answered " + answer);
                }
                channel.close();
                String logs = Docker.run(30, "logs", id).output();
                Matcher m = CREATE_VM.matcher(logs);
                long jvm = m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1e9) : 0;
                return new Phases(v.stemCell() ? 0 : created, started.nanos(), jvm, hello, first);
            } finally {
                Docker.run(60, "rm", "-f", id);
            }
        }
    }

    static InstanceSpec spec(Path dir, String name, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(ColdStartImage.env());
        all.putAll(env);
        return new InstanceSpec(
                "fn4j-bench-cold-" + name,
                "unused",
                all,
                Map.of(BenchContext.RUN_LABEL, name.substring(0, name.indexOf('-'))),
                dir,
                256L * 1024 * 1024,
                2_000_000_000L);
    }
}
