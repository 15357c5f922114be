package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.engine.DockerContainerEngine;
import dev.fn4j.runtime.engine.Labels;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.Ids;
import dev.fn4j.runtime.instance.InstanceInspector;
import dev.fn4j.runtime.instance.InstanceRemover;
import dev.fn4j.runtime.instance.InstanceStarter;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.it.fns.Chatter;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.Capacity;
import dev.fn4j.runtime.pool.DeadlineTimer;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.Pausing;
import dev.fn4j.runtime.pool.ScaleOut;
import dev.fn4j.runtime.testing.TestContainers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each call's stdout, stderr and logger output, captured by the host and returned with the call:
 * in a failed call's API error (the HTTP surface), and in the InvocationResult of a successful
 * call (driven through the Invoker against a real instance, as the HTTP answer carries only the
 * function's output).
 */
class LogsIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ";
    private static final String MARKER = "… [fn4j: log truncated after 65536 bytes]\n";

    private static JsonNode error(Reply reply) {
        return reply.json().path("error");
    }

    /** What Chatter writes for a tag, in order, with its logger line's request id. */
    private static String chatter(String tag, String requestId) {
        return "out " + tag + "\nerr " + tag + "\n" + TIME + "INFO \\[" + requestId + "] log " + tag + "\nthread " + tag
                + "\n";
    }

    @Test
    void failedCallsErrorCarriesItsStdoutStderrAndLoggerLinesInWriteOrder() {
        runtime.deploy("chatty", image, Chatter.class.getName(), "");

        Reply reply = runtime.invoke("chatty", "a boom");

        assertThat(reply.status()).as("%s", reply).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("function_error");
        assertThat(error(reply).path("logs").asText()).matches(chatter("a", reply.header("Fn-Request-Id")));
        Reply next = runtime.invoke("chatty", "b boom");
        assertThat(error(next).path("logs").asText()).startsWith("out b\n").doesNotContain(" a\n");
    }

    @Test
    void outputBeyondTheCapIsCutWithTheMarker() {
        runtime.deploy("flood", image, Chatter.class.getName(), "");

        Reply reply = runtime.invoke("flood", "f flood=200000 boom");

        String logs = error(reply).path("logs").asText();
        assertThat(reply.status()).as("%s", reply.errorCode()).isEqualTo(500);
        assertThat(logs).startsWith("out f\nerr f\n").endsWith("xxxx\n" + MARKER);
        assertThat(logs.getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(65536 + 1 + MARKER.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void concurrentCallsOnOneInstanceDoNotMixTheirLogs() throws Exception {
        runtime.deploy("pair", image, Chatter.class.getName(), "\"concurrency\":2,\"maxInstances\":1");

        // Each call waits, between its out and err lines, until the other one is inside too.
        CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> runtime.invoke("pair", "a overlap boom"));
        CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> runtime.invoke("pair", "b overlap boom"));
        Reply replyA = a.get(60, TimeUnit.SECONDS);
        Reply replyB = b.get(60, TimeUnit.SECONDS);

        assertThat(error(replyA).path("message").asText()).endsWith("boom a");
        assertThat(error(replyB).path("message").asText()).endsWith("boom b");
        assertThat(error(replyA).path("logs").asText()).matches(chatter("a", replyA.header("Fn-Request-Id")));
        assertThat(error(replyB).path("logs").asText()).matches(chatter("b", replyB.header("Fn-Request-Id")));
        assertThat(Containers.ofFunction(runtime.runtimeId(), "pair")).hasSize(1);
    }

    @Test
    void timedOutCallsErrorCarriesTheInstancesLastOutput() {
        runtime.deploy("slow", image, Chatter.class.getName(), "\"timeout\":\"2s\"");

        Reply reply = runtime.invoke("slow", "t sleep=60000");

        assertThat(reply.status()).as("%s", reply).isEqualTo(504);
        assertThat(error(reply).path("logs").asText())
                .contains("out t\n", "err t\n", "INFO [" + reply.header("Fn-Request-Id") + "] log t\n", "thread t");
    }

    @Test
    void crashedCallsErrorCarriesTheInstancesLastOutput() {
        runtime.deploy("halter", image, Chatter.class.getName(), "");

        Reply reply = runtime.invoke("halter", "h halt");

        assertThat(reply.status()).as("%s", reply).isEqualTo(502);
        assertThat(reply.errorCode()).isEqualTo("function_crashed");
        assertThat(error(reply).path("logs").asText()).contains("out h\n", "err h\n", "thread h");
    }

    @Test
    void publicTriggerErrorsDoNotShowLogs() {
        runtime.deploy("public", image, Chatter.class.getName(), "");

        Reply reply = runtime.send("POST", "/fn/public", "p boom");

        assertThat(reply.status()).as("%s", reply).isEqualTo(500);
        assertThat(error(reply).path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error(reply).has("logs")).isFalse();
    }

    @Test
    void successfulCallsResultCarriesItsLogsAndConcurrentCallsKeepThemApart() throws Exception {
        try (InvokerStack stack = new InvokerStack(2)) {
            InvocationResult first = stack.call("r-one", "one");
            CompletableFuture<InvocationResult> a = CompletableFuture.supplyAsync(() -> stack.call("r-a", "a overlap"));
            CompletableFuture<InvocationResult> b = CompletableFuture.supplyAsync(() -> stack.call("r-b", "b overlap"));
            InvocationResult resultA = a.get(60, TimeUnit.SECONDS);
            InvocationResult resultB = b.get(60, TimeUnit.SECONDS);

            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("done one");
            assertThat(first.logs()).matches(chatter("one", "r-one"));
            assertThat(resultA.instanceId()).isEqualTo(first.instanceId()).isEqualTo(resultB.instanceId());
            assertThat(new String(resultA.body(), StandardCharsets.UTF_8)).isEqualTo("done a");
            assertThat(resultA.logs()).matches(chatter("a", "r-a"));
            assertThat(resultB.logs()).matches(chatter("b", "r-b"));
            assertThatThrownBy(() -> stack.call("r-boom", "x boom"))
                    .isInstanceOfSatisfying(
                            ApiException.class,
                            e -> assertThat(e.details())
                                    .containsKey("stackTrace")
                                    .containsKey(Invoker.LOGS)
                                    .extractingByKey(Invoker.LOGS)
                                    .asString()
                                    .matches(chatter("x", "r-boom")));
        }
    }

    /**
     * The runtime's call path without its HTTP server: an instance starter, one function pool
     * (one instance of the given concurrency) and the Invoker, on the test image.
     */
    private static final class InvokerStack implements AutoCloseable {
        private final Clock clock = Clock.systemUTC();
        private final String runtimeId = "logs-it-" + Ids.instanceId();
        private final DockerContainerEngine engine = DockerContainerEngine.fromEnvironment();
        private final ExecutorService background = Executors.newCachedThreadPool();
        private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
        private final Path dir;
        private final FunctionPool pool;
        private final Invoker invoker;

        InvokerStack(int concurrency) throws Exception {
            dir = Files.createTempDirectory(Path.of("/tmp"), "fn4j-logs-");
            String imageId = engine.loadImage(TestImages.functions()).id();
            InstanceRemover remover = new InstanceRemover(engine, background);
            InstanceStarter starter = new InstanceStarter(
                    engine,
                    runtimeId,
                    TestContainers.LABELS,
                    dir,
                    Duration.ofSeconds(60),
                    background,
                    timers,
                    remover,
                    clock,
                    InstanceStarter.Extras.NONE);
            FunctionSpec spec = new FunctionSpec(
                    imageId,
                    Chatter.class.getName(),
                    Duration.ofSeconds(30),
                    256L << 20,
                    1.0,
                    concurrency,
                    Map.of(),
                    new FunctionSpec.Scaling(0, 1, Duration.ofMinutes(10), 10),
                    null,
                    false);
            Function function = new Function("chatter", 1, spec, Instant.now(), Instant.now());
            DeadlineTimer timer = DeadlineTimer.on(timers, clock);
            pool = new FunctionPool(
                    function,
                    new Capacity(starter::start, remover::kill, new MemoryBudget(1L << 40)),
                    ScaleOut.unbounded(),
                    Pausing.OFF,
                    background,
                    timer,
                    clock);
            invoker = new Invoker(new InstanceInspector(engine), timer, clock);
        }

        InvocationResult call(String requestId, String input) {
            return invoker.invoke(
                    pool, new InvocationRequest(requestId, List.of(), input.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() throws Exception {
            pool.close();
            background.shutdown();
            background.awaitTermination(20, TimeUnit.SECONDS);
            timers.shutdownNow();
            List<String> left = engine.listByLabel(Labels.RUNTIME, runtimeId);
            left.forEach(engine::remove);
            engine.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            assertThat(left).as("containers the pool left behind").isEmpty();
        }
    }
}
