package dev.fn4j.host;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures the host's start-up: from starting the {@code java} process to receiving its Hello,
 * so JVM start, handler loading and (for JSON handlers) Jackson set-up included. Not a test; run
 * after {@code mvn -pl host verify}:
 *
 * <pre>
 * java -Dfn4j.host.jar=host/target/fn4j-host-0.1.0-SNAPSHOT.jar \
 *      -Dfn4j.test.classes=host/target/test-classes \
 *      -cp host/target/fn4j-host-0.1.0-SNAPSHOT.jar:host/target/test-classes \
 *      dev.fn4j.host.StartupBenchmark [handler class] [runs]
 * </pre>
 */
final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        String handler = args.length > 0 ? args[0] : "dev.fn4j.host.testfns.Echo";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            try (FakeRuntime runtime = FakeRuntime.start(handler, 1, Map.of())) {
                Peer peer = runtime.accept(Duration.ofSeconds(30));
                peer.readHello();
                millis[i] = (System.nanoTime() - runtime.startedNanos()) / 1_000_000;
                peer.close();
                int code = runtime.waitForExit(Duration.ofSeconds(30));
                if (code != 0) {
                    throw new AssertionError("host exited with " + code + ": " + runtime.stderr());
                }
            }
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: process start to Hello, %d runs: median %d ms, min %d ms, max %d ms; all %s%n",
                handler, runs, sorted[runs / 2], sorted[0], sorted[runs - 1], Arrays.toString(millis));
    }
}
