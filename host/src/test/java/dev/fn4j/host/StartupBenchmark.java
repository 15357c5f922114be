package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the host's start-up: from starting the {@code java} process to receiving its Hello,
 * so JVM start, handler loading and (for JSON handlers) Jackson set-up included; with a body, also
 * the first call on the fresh JVM (decode, handle, encode). Not a test; run after {@code mvn -pl
 * host verify}:
 *
 * <pre>
 * java -Dfn4j.host.jar=host/target/fn4j-host-0.1.0-SNAPSHOT.jar \
 *      -Dfn4j.test.classes=host/target/test-classes \
 *      -cp host/target/fn4j-host-0.1.0-SNAPSHOT.jar:host/target/test-classes \
 *      dev.fn4j.host.StartupBenchmark [handler class] [runs] [first call's body]
 * </pre>
 *
 * With {@code -Dfn4j.host.jars=a.jar,b.jar} it takes turns between the jars, run by run, and
 * prints one line per jar, so that two jars are compared side by side on the same machine state.
 * With {@code -Dfn4j.bench.archives=dir} each jar first has a training run that writes its
 * class-data archive into dir, as the runtime's does, and every measured run maps it.
 */
final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        String handler = args.length > 0 ? args[0] : "dev.fn4j.host.testfns.Echo";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String body = args.length > 2 ? args[2] : null;
        String several = System.getProperty("fn4j.host.jars");
        List<String> jars = several == null ? List.of(FakeRuntime.hostJar().toString()) : List.of(several.split(","));
        String archives = System.getProperty("fn4j.bench.archives");
        List<Map<String, String>> envs = new java.util.ArrayList<>();
        for (int j = 0; j < jars.size(); j++) {
            if (archives == null) {
                envs.add(Map.of());
                continue;
            }
            String archive =
                    java.nio.file.Path.of(archives, "host-" + j + ".jsa").toString();
            System.setProperty("fn4j.host.jar", jars.get(j));
            run(
                    handler,
                    body,
                    Map.of("JAVA_TOOL_OPTIONS", "-XX:ArchiveClassesAtExit=" + archive, "FN4J_CLASS_TRAINING", "true"));
            envs.add(Map.of("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive, "FN4J_CLASS_ARCHIVE", "true"));
        }
        long[][] hello = new long[jars.size()][runs];
        long[][] call = new long[jars.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < jars.size(); j++) {
                System.setProperty("fn4j.host.jar", jars.get(j));
                long[] run = run(handler, body, envs.get(j));
                hello[j][i] = run[0];
                call[j][i] = run[1];
            }
        }
        for (int j = 0; j < jars.size(); j++) {
            System.out.printf(
                    "%s, %s: process start to Hello, %d runs: %s%n", jars.get(j), handler, runs, summary(hello[j]));
            if (body != null) {
                System.out.printf("%s, %s: first call, %d runs: %s%n", jars.get(j), handler, runs, summary(call[j]));
            }
        }
    }

    /** Milliseconds to the Hello and, with a body, of the first call. */
    private static long[] run(String handler, String body, Map<String, String> env) throws Exception {
        try (FakeRuntime runtime = FakeRuntime.start(handler, 1, env)) {
            Peer peer = runtime.accept(Duration.ofSeconds(30));
            peer.readHello();
            long hello = (System.nanoTime() - runtime.startedNanos()) / 1_000_000;
            long call = 0;
            if (body != null) {
                long before = System.nanoTime();
                Frame answer = peer.call(new Frame.Invoke(
                        "r1", System.currentTimeMillis() + 30_000, List.of(), body.getBytes(StandardCharsets.UTF_8)));
                call = (System.nanoTime() - before) / 1_000_000;
                if (!(answer instanceof Frame.Result)) {
                    throw new AssertionError("the first call failed: " + answer);
                }
            }
            peer.close();
            int code = runtime.waitForExit(Duration.ofSeconds(30));
            if (code != 0) {
                throw new AssertionError("host exited with " + code + ": " + runtime.stderr());
            }
            return new long[] {hello, call};
        }
    }

    private static String summary(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        int runs = sorted.length;
        return String.format(
                "median %d ms, min %d ms, max %d ms; all %s",
                sorted[runs / 2], sorted[0], sorted[runs - 1], Arrays.toString(millis));
    }
}
