package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.instance.InstanceInspector;
import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationEvents;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.InvocationRecorder;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.InvocationStore;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.invoke.InvocationRequest;
import dev.fn4j.runtime.invoke.InvocationResult;
import dev.fn4j.runtime.invoke.Invoker;
import dev.fn4j.runtime.invoke.Trampoline;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.limit.RateLimiter;
import dev.fn4j.runtime.metrics.RuntimeMetrics;
import dev.fn4j.runtime.pool.Capacity;
import dev.fn4j.runtime.pool.PoolRegistry;
import dev.fn4j.runtime.stats.CallCounter;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.TestFunctions;
import dev.fn4j.spec.RateLimit;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admission service: one way in for synchronous and asynchronous calls. */
class CallsTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingStore store = new RecordingStore();
    private final InvocationRecorder recorder = new InvocationRecorder(store);
    private final RuntimeMetrics metrics = new RuntimeMetrics();
    private final PoolRegistry pools = new PoolRegistry(
            new Capacity(CallsTest::launch, (instance, reason) -> instance.kill(reason), new MemoryBudget(1L << 40)),
            Runnable::run,
            (at, task) -> () -> {},
            clock);
    /** What the statistics were told, one line per call. */
    private final List<String> counted = new CopyOnWriteArrayList<>();

    private final CallRunner runner = new CallRunner(
            new Invoker(new InstanceInspector(null), (at, task) -> () -> {}, clock), metrics, new CallCounter() {
                @Override
                public void ran(String function, boolean error, boolean coldStart, long nanos) {
                    counted.add("ran " + function + (error ? " error" : "") + (coldStart ? " cold" : ""));
                }

                @Override
                public void refused(String function) {
                    counted.add("refused " + function);
                }
            });
    private final AsyncInvocations async =
            new AsyncInvocations(store, runner, pools, new InvocationEvents(), clock, "test", 1000);
    private final Calls calls =
            new Calls(pools, new RateLimiter(new StoppedTime(), new RateLimit(1, 1)), runner, async, recorder, clock);

    /** A function whose one slot runs {@link #duringCall} while a call holds it. */
    private static final String HELD = "held";

    /** What the next call to {@link #HELD} does while it holds the slot; runs once. */
    private static volatile Runnable duringCall = () -> {};

    @AfterEach
    void close() throws InterruptedException {
        duringCall = () -> {};
        async.awaitRunning(Duration.ZERO);
        recorder.close();
    }

    private static Function function(String name) {
        return TestFunctions.oneAtATime(name);
    }

    private static Instance launch(Function function) {
        return new Instance(
                "i-" + function.name(),
                function,
                "c-" + function.name(),
                Path.of("/tmp/none"),
                List.of(new EchoConnection(function.name().equals(HELD))),
                Instant.EPOCH);
    }

    private static InvocationRequest request(String id) {
        return new InvocationRequest(id, List.of(), "hi".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSynchronousCallIsAdmittedRunAndRecordedWithoutItsBodies() {
        pools.deploy(function("echo"));

        InvocationResult result = calls.call("client a", "echo", request("r1"));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
        Invocation recorded = recorder.find("r1").orElseThrow();
        assertThat(recorded.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(recorded.async()).isFalse();
        assertThat(recorded.resultBody()).isNull();
    }

    @Test
    void everyCallsEndIsCountedForTheStatisticsAndARefusalAsRefused() {
        pools.deploy(function("echo"));
        calls.call("client a", "echo", request("r1"));
        catchThrowableOfType(ApiException.class, () -> calls.call("client a", "echo", request("r2")));

        assertThat(counted).containsExactly("ran echo cold", "refused echo");
    }

    @Test
    void oneRateLimitRefusesSynchronousAndAsynchronousCallsAlikeAndRecordsNeither() {
        pools.deploy(function("echo"));
        calls.call("client a", "echo", request("r1"));

        ApiException sync =
                catchThrowableOfType(ApiException.class, () -> calls.call("client a", "echo", request("r2")));
        ApiException queued = catchThrowableOfType(
                ApiException.class, () -> calls.submit("client a", "echo", "r3", new byte[0], null));

        assertThat(sync.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(queued.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(recorder.find("r2")).isEmpty();
        assertThat(store.queued).isEmpty();
        assertThat(metrics.scrape(pools))
                .contains("fn4j_rejections_total{function=\"echo\",reason=\"rate_limited\"} 2.0");
    }

    @Test
    void aCallToAFunctionThatIsNotDeployedIsNotFoundEitherWay() {
        for (Runnable call : List.<Runnable>of(
                () -> calls.requireDeployed("nope"),
                () -> calls.call("client a", "nope", request("r1")),
                () -> calls.submit("client a", "nope", "r2", new byte[0], null))) {
            ApiException e = catchThrowableOfType(ApiException.class, call::run);
            assertThat(e.code()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND);
        }
    }

    @Test
    void aCallThatWaitsForTheSlotRunsNextOnTheThreadThatFreesIt() {
        pools.deploy(function(HELD));
        List<Runnable> elsewhere = new ArrayList<>();
        Trampoline trampoline = new Trampoline(elsewhere::add);
        Thread caller = Thread.currentThread();
        List<String> events = new CopyOnWriteArrayList<>();
        duringCall = () -> {
            CompletableFuture<InvocationResult> second = calls.callAsync("client b", HELD, request("r2"), trampoline);
            events.add("r2 waits: " + !second.isDone());
            second.whenComplete((result, error) ->
                    events.add("r2 answered on the caller's thread: " + (Thread.currentThread() == caller)));
        };

        trampoline.run(() -> calls.callAsync("client a", HELD, request("r1"), trampoline)
                .whenComplete((result, error) -> events.add("r1 answered")));

        assertThat(events).containsExactly("r2 waits: true", "r1 answered", "r2 answered on the caller's thread: true");
        assertThat(elsewhere).as("no other thread was asked to run it").isEmpty();
        assertThat(recorder.find("r1").orElseThrow().status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(recorder.find("r2").orElseThrow().status()).isEqualTo(InvocationStatus.SUCCEEDED);
    }

    @Test
    void anAsynchronousCallFailsWithItsRefusalAndIsNotRecorded() {
        pools.deploy(function("echo"));
        calls.call("client a", "echo", request("r1"));

        CompletableFuture<InvocationResult> refused = calls.callAsync("client a", "echo", request("r2"), task -> {
            throw new AssertionError("a refused call never runs");
        });

        assertThat(refused).isCompletedExceptionally();
        ApiException e = (ApiException)
                catchThrowableOfType(CompletionException.class, refused::join).getCause();
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(recorder.find("r2")).isEmpty();
        assertThat(counted).containsExactly("ran echo cold", "refused echo");
    }

    /** Time that stands still, so a spent token never comes back during a test. */
    private static final class StoppedTime implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return 0;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    /** A host slot that answers every call with its own body; a holding one first runs {@link #duringCall}. */
    private static final class EchoConnection implements Connection {
        private final boolean holding;

        EchoConnection(boolean holding) {
            this.holding = holding;
        }

        @Override
        public Answer call(Frame.Invoke invoke) {
            if (holding) {
                Runnable hook = duringCall;
                duringCall = () -> {};
                hook.run();
            }
            return Answer.of(new Frame.Result(invoke.requestId(), List.of(), invoke.body()));
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Keeps ended records in memory and records what was queued; nothing else is called here. */
    private static final class RecordingStore implements InvocationStore, InvocationQueue {
        final List<Invocation> ended = new ArrayList<>();
        final List<Invocation> queued = new ArrayList<>();

        @Override
        public synchronized Transition insertQueued(Invocation invocation) {
            queued.add(invocation);
            return new Transition(
                    invocation, new InvocationEvent(1, InvocationStatus.QUEUED, 0, invocation.queuedAt()));
        }

        @Override
        public synchronized void insertEnded(List<Invocation> invocations) {
            ended.addAll(invocations);
        }

        @Override
        public synchronized Optional<Invocation> find(String id) {
            return ended.stream().filter(i -> i.id().equals(id)).findFirst();
        }

        @Override
        public Transition start(String id, long revision, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transition finish(String id, Outcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transition requeue(String id, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<InvocationEvent> events(String id) {
            return List.of();
        }

        @Override
        public List<Invocation> recent(String function, int limit) {
            return List.of();
        }

        @Override
        public List<Invocation> unfinished() {
            return List.of();
        }

        @Override
        public int deleteEndedBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public synchronized List<Transition> enqueue(List<Invocation> invocations) {
            List<Transition> stored = new ArrayList<>();
            for (Invocation invocation : invocations) {
                stored.add(insertQueued(invocation));
            }
            return stored;
        }

        @Override
        public List<Claimed> claim(
                String function, long revision, int limit, String owner, Instant now, Instant leaseUntil) {
            return List.of();
        }

        @Override
        public Transition end(String id, Outcome outcome, boolean deadLettered) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transition retryLater(String id, Outcome failed, Instant notBefore) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Transition> requeueRunning(String owner, Instant at) {
            return List.of();
        }

        @Override
        public Map<String, Integer> backlog() {
            return Map.of();
        }

        @Override
        public List<Attempt> attempts(String id) {
            return List.of();
        }

        @Override
        public List<Invocation> deadLetters(String function, String after, int limit) {
            return List.of();
        }

        @Override
        public Optional<Transition> redrive(String id, Instant at) {
            return Optional.empty();
        }

        @Override
        public List<Transition> redriveAll(String function, Instant at) {
            return List.of();
        }

        @Override
        public int purgeDeadLetters(String function) {
            return 0;
        }
    }
}
