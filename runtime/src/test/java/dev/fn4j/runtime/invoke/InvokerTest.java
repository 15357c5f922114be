package dev.fn4j.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import dev.fn4j.runtime.engine.ContainerEngine;
import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.instance.InstanceInspector;
import dev.fn4j.runtime.instance.LineSink;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.Capacity;
import dev.fn4j.runtime.pool.FunctionPool;
import dev.fn4j.runtime.pool.PoolRegistry;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.TestFunctions;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The invoker's asynchronous path: no thread waits while a call runs on its instance; a call ends
 * where its answer arrives, and the call waiting for its slot is sent from there; a failed call's
 * end, which reads the engine, runs on the blocking executor instead.
 */
class InvokerTest {

    private final ManualClock clock = new ManualClock();
    /** What the engine was asked, with the thread that asked. */
    private final List<String> engineReads = new CopyOnWriteArrayList<>();
    /** Tasks handed to the invoker's blocking executor, run when a test says so. */
    private final List<Runnable> blocking = new ArrayList<>();
    /** Deadline tasks scheduled, in order. */
    private final List<Runnable> deadlines = new ArrayList<>();
    /** Every call sent, on the one connection of the one instance. */
    private final PendingConnection connection = new PendingConnection();
    /** The test's own thread. */
    private final String me = Thread.currentThread().getName();

    private final Invoker invoker = new Invoker(
            new InstanceInspector(engine()),
            (at, task) -> {
                deadlines.add(task);
                return () -> deadlines.remove(task);
            },
            clock,
            LiveOutput.NONE,
            blocking::add);

    private final PoolRegistry pools = new PoolRegistry(
            new Capacity(this::launch, (instance, reason) -> instance.kill(reason), new MemoryBudget(1L << 40)),
            Runnable::run,
            (at, task) -> () -> {},
            clock);

    /** A connection whose answers the test gives, recording each call and the thread that sent it. */
    private static final class PendingConnection implements Connection {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Answer> answer;
        volatile boolean closed;

        @Override
        public Answer call(Frame.Invoke invoke) {
            throw new AssertionError("the asynchronous path never blocks on a connection");
        }

        @Override
        public CompletableFuture<Answer> callAsync(Frame.Invoke invoke, LineSink sink) {
            sent.add(invoke.requestId() + " from " + Thread.currentThread().getName());
            answer = new CompletableFuture<>();
            return answer;
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public void close() {
            closed = true;
            answer.completeExceptionally(new AsynchronousCloseException());
        }
    }

    private ContainerEngine engine() {
        return (ContainerEngine) Proxy.newProxyInstance(
                ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class},
                (proxy, method, args) -> {
                    engineReads.add(
                            method.getName() + " on " + Thread.currentThread().getName());
                    return switch (method.getName()) {
                        case "logTail" -> List.of("last words");
                        case "awaitStopped" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private Instance launch(Function function) {
        return new Instance("i-1", function, "c-1", Path.of("/tmp/none"), List.of(connection), Instant.EPOCH);
    }

    private FunctionPool deployed() {
        pools.deploy(TestFunctions.oneAtATime("echo"));
        return pools.get("echo").orElseThrow();
    }

    private static InvocationRequest request(String id) {
        return new InvocationRequest(id, List.of(), "hi".getBytes(StandardCharsets.UTF_8));
    }

    private static Connection.Answer result(String id) {
        return Connection.Answer.of(new Frame.Result(id, List.of(), "ok".getBytes(StandardCharsets.UTF_8)));
    }

    /** Completes the pending call's answer on a thread named {@code name}, as a selector would. */
    private void answerOn(String name, Connection.Answer answer) throws InterruptedException {
        CompletableFuture<Connection.Answer> pending = connection.answer;
        Thread answering = new Thread(() -> pending.complete(answer), name);
        answering.start();
        answering.join();
    }

    @Test
    void aCallReturnsBeforeItsAnswerAndEndsOnTheThreadTheAnswerArrivesOn() throws Exception {
        FunctionPool pool = deployed();
        List<String> endedOn = new CopyOnWriteArrayList<>();

        CompletableFuture<InvocationResult> call = invoker.invokeAsync(pool, request("r1"), Runnable::run);
        call.thenRun(() -> endedOn.add(Thread.currentThread().getName()));

        assertThat(call).isNotDone();
        answerOn("answering", result("r1"));
        assertThat(new String(call.join().body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(endedOn).containsExactly("answering");
        assertThat(blocking).isEmpty();
        assertThat(deadlines).as("the deadline is cancelled once the call ends").isEmpty();
    }

    @Test
    void theCallWaitingForTheSlotIsSentFromTheThreadThatEndedTheCallBeforeIt() throws Exception {
        FunctionPool pool = deployed();
        Trampoline trampoline = new Trampoline(blocking::add);
        CompletableFuture<InvocationResult> first = invoker.invokeAsync(pool, request("r1"), trampoline);

        CompletableFuture<InvocationResult> second = invoker.invokeAsync(pool, request("r2"), trampoline);
        assertThat(connection.sent).containsExactly("r1 from " + me);
        answerOn("answering", result("r1"));

        assertThat(first).isCompleted();
        assertThat(connection.sent).containsExactly("r1 from " + me, "r2 from answering");
        assertThat(blocking).as("no other thread was woken for it").isEmpty();
        answerOn("answering", result("r2"));
        assertThat(second).isCompleted();
    }

    @Test
    void aCrashedCallEndsOnTheBlockingExecutorWhichReadsTheEngine() throws Exception {
        FunctionPool pool = deployed();
        CompletableFuture<InvocationResult> call = invoker.invokeAsync(pool, request("r1"), Runnable::run);

        CompletableFuture<Connection.Answer> pending = connection.answer;
        Thread answering = new Thread(() -> pending.completeExceptionally(new IOException("reset")), "answering");
        answering.start();
        answering.join();

        assertThat(call).isNotDone();
        assertThat(engineReads).isEmpty();
        blocking.remove(0).run();
        assertThat(engineReads).containsExactly("awaitStopped on " + me, "logTail on " + me);
        ApiException error =
                (ApiException) call.handle((result, failure) -> failure).join();
        assertThat(error.code()).isEqualTo(ErrorCode.FUNCTION_CRASHED);
        assertThat(error.getMessage()).isEqualTo("the instance of function 'echo' disappeared during the call");
    }

    @Test
    void theDeadlineClosesTheConnectionAndTheCallEndsTimedOut() {
        FunctionPool pool = deployed();
        CompletableFuture<InvocationResult> call = invoker.invokeAsync(pool, request("r1"), Runnable::run);

        deadlines.get(0).run();

        assertThat(connection.closed).isTrue();
        assertThat(call).isNotDone();
        blocking.remove(0).run();
        ApiException error =
                (ApiException) call.handle((result, failure) -> failure).join();
        assertThat(error.code()).isEqualTo(ErrorCode.FUNCTION_TIMEOUT);
        assertThat(error.details()).containsEntry(Invoker.LOGS, "last words\n");
    }

    @Test
    void theBlockingInvokeWaitsForTheSameAsynchronousCall() throws Exception {
        FunctionPool pool = deployed();
        CompletableFuture<InvocationResult> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return invoker.invoke(pool, request("r1"));
            } catch (ApiException e) {
                throw new CompletionException(e);
            }
        });
        while (connection.answer == null) {
            Thread.onSpinWait();
        }

        answerOn("answering", result("r1"));

        assertThat(new String(blocked.get().body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }
}
