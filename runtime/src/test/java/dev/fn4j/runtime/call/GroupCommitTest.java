package dev.fn4j.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Transition;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: calls handed over while a batch is being stored are stored together next. */
class GroupCommitTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private final GroupCommit commit = new GroupCommit(queue());

    @AfterEach
    void close() {
        firstMayFinish.countDown();
        commit.close();
    }

    /** A queue whose first enqueue waits for the test, and that refuses the id "dup" in any batch. */
    private InvocationQueue queue() {
        return (InvocationQueue) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {InvocationQueue.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("enqueue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<Invocation> invocations = (List<Invocation>) args[0];
                    List<String> ids = new ArrayList<>();
                    invocations.forEach(i -> ids.add(i.id()));
                    batches.add(ids);
                    if (batches.size() == 1) {
                        firstMayFinish.await();
                    }
                    if (ids.contains("dup")) {
                        throw new IllegalStateException("duplicate key dup");
                    }
                    List<Transition> stored = new ArrayList<>();
                    for (Invocation i : invocations) {
                        stored.add(new Transition(i, new InvocationEvent(1, InvocationStatus.QUEUED, 0, i.queuedAt())));
                    }
                    return stored;
                });
    }

    private CompletableFuture<Transition> submit(String id) {
        return CompletableFuture.supplyAsync(
                () -> commit.store(Invocation.queued(id, "f", 1, Instant.EPOCH, new byte[0], null)));
    }

    private void awaitWaiting(int n) {
        while (commit.waiting() < n) {
            Thread.onSpinWait();
        }
    }

    @Test
    void callsHandedOverDuringACommitAreStoredTogetherInTheNext() throws Exception {
        CompletableFuture<Transition> first = submit("a");
        while (batches.isEmpty()) {
            Thread.onSpinWait();
        }
        List<CompletableFuture<Transition>> next = List.of(submit("b"), submit("c"), submit("d"));
        awaitWaiting(3);
        firstMayFinish.countDown();

        assertThat(first.get().invocation().id()).isEqualTo("a");
        for (CompletableFuture<Transition> f : next) {
            assertThat(f.get().event().status()).isEqualTo(InvocationStatus.QUEUED);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void aCallTheStoreRefusesFailsAloneAndTheOthersOfItsBatchAreStored() throws Exception {
        CompletableFuture<Transition> first = submit("a");
        while (batches.isEmpty()) {
            Thread.onSpinWait();
        }
        CompletableFuture<Transition> good = submit("b");
        CompletableFuture<Transition> bad = submit("dup");
        awaitWaiting(2);
        firstMayFinish.countDown();

        first.get();
        assertThat(good.get().invocation().id()).isEqualTo("b");
        Exception failed = catchThrowableOfType(Exception.class, bad::get);
        assertThat(failed).hasRootCauseMessage("duplicate key dup");
    }

    @Test
    void afterCloseACallIsRefusedAsTheRuntimeStopping() {
        commit.close();

        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> commit.store(Invocation.queued("z", "f", 1, Instant.EPOCH, new byte[0], null)));

        assertThat(refused.code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
    }
}
