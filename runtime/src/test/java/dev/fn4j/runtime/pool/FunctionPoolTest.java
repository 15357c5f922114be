package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.PoolFakes.FakeLauncher;
import dev.fn4j.runtime.pool.PoolFakes.ManualTimer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingKiller;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FunctionPoolTest {

    private final ManualClock clock = new ManualClock();
    private final ManualTimer timer = new ManualTimer(clock);
    private final ManualExecutor starts = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final RecordingKiller killer = new RecordingKiller();
    private final Capacity capacity = new Capacity(launcher, killer, new MemoryBudget(1L << 40));

    private FunctionPool pool(Function function) {
        FunctionPool pool =
                new FunctionPool(function, capacity, ScaleOut.unbounded(), Pausing.OFF, starts, timer, clock);
        pool.deploy(function);
        return pool;
    }

    private Instant deadline() {
        return clock.instant().plusSeconds(10);
    }

    @Test
    void burstOfFiftyStartsAtMostMaxInstances() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 100)));
        List<CompletableFuture<Lease>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(pool.acquire(deadline()));
        }
        assertThat(pool.starting()).isEqualTo(4);
        starts.runAll();
        assertThat(launcher.launched).hasSize(4);
        assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(4);
        assertThat(calls.get(0).join().coldStart()).isTrue();
        assertThat(pool.queueDepth()).isEqualTo(46);
    }

    @Test
    void callsWaitingOnSaturatedInstancesStartAnotherOnlyOnceTheyWaitedTheSaturationWait() {
        Function function = PoolFakes.function(1, 2, PoolFakes.scaling(0, 5, 10));
        FunctionPool pool = new FunctionPool(
                function,
                capacity,
                new ScaleOut(2, () -> 0.2, Duration.ofMillis(10), 1),
                Pausing.OFF,
                starts,
                timer,
                clock);
        pool.deploy(function);
        pool.acquire(deadline());
        pool.acquire(deadline());
        starts.runAll();
        assertThat(launcher.launched).hasSize(1);
        CompletableFuture<Lease> third = pool.acquire(deadline());
        assertThat(pool.starting()).isZero();
        clock.advance(Duration.ofMillis(10));
        pool.acquire(deadline());
        assertThat(pool.starting()).isEqualTo(1);
        starts.runAll();
        assertThat(third).isDone();
        assertThat(launcher.launched).hasSize(2);
    }

    @Test
    void waitingCallsGetSlotsAsCallsEndWithoutNewStarts() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        CompletableFuture<Lease> first = pool.acquire(deadline());
        CompletableFuture<Lease> second = pool.acquire(deadline());
        starts.runAll();
        assertThat(second).isNotDone();
        first.join().complete(Lease.Outcome.OK);
        assertThat(second).isDone();
        assertThat(second.join().coldStart()).isFalse();
        assertThat(launcher.launched).hasSize(1);
    }

    @Test
    void concurrencyLetsOneInstanceServeSeveralCalls() {
        FunctionPool pool = pool(PoolFakes.function(1, 3, PoolFakes.scaling(0, 5, 10)));
        List<CompletableFuture<Lease>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(pool.acquire(deadline()));
        }
        starts.runAll();
        assertThat(launcher.launched).hasSize(1);
        assertThat(calls).allMatch(CompletableFuture::isDone);
        assertThat(launcher.launched.get(0).inFlight()).isEqualTo(3);
    }

    @Test
    void warmSlotIsReusedAtOnce() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10)));
        CompletableFuture<Lease> first = pool.acquire(deadline());
        starts.runAll();
        first.join().complete(Lease.Outcome.OK);
        CompletableFuture<Lease> second = pool.acquire(deadline());
        assertThat(second).isDone();
        assertThat(second.join().coldStart()).isFalse();
        assertThat(second.join().instance()).isSameAs(first.join().instance());
        assertThat(starts.tasks).isEmpty();
    }

    @Test
    void fullQueueIsRefusedAtOnceWithRetryAfter() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 2)));
        pool.acquire(deadline());
        pool.acquire(deadline());
        CompletableFuture<Lease> third = pool.acquire(deadline());
        assertThat(third).isCompletedExceptionally();
        ApiException error = failure(third);
        assertThat(error.code()).isEqualTo(ErrorCode.QUEUE_FULL);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(error.getMessage()).contains("maxQueue");
    }

    @Test
    void queuedCallTimesOutWhenNoSlotFreesBeforeItsDeadline() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        pool.acquire(deadline());
        starts.runAll();
        CompletableFuture<Lease> waiting = pool.acquire(clock.instant().plusSeconds(2));
        timer.advance(Duration.ofSeconds(1));
        assertThat(waiting).isNotDone();
        timer.advance(Duration.ofSeconds(1));
        assertThat(failure(waiting).code()).isEqualTo(ErrorCode.FUNCTION_TIMEOUT);
        assertThat(pool.queueDepth()).isZero();
    }

    @Test
    void coldStartDoesNotCountAgainstTheCallsTimeout() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        CompletableFuture<Lease> call = pool.acquire(clock.instant().plusSeconds(1));
        timer.advance(Duration.ofSeconds(5));
        assertThat(call).isNotDone();
        starts.runAll();
        assertThat(call.join().coldStart()).isTrue();
    }

    @Test
    void failedStartFailsTheWaitingCallsWithItsError() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        launcher.failing = true;
        CompletableFuture<Lease> first = pool.acquire(deadline());
        CompletableFuture<Lease> second = pool.acquire(deadline());
        starts.runAll();
        assertThat(failure(first).code()).isEqualTo(ErrorCode.START_FAILED);
        assertThat(failure(second).code()).isEqualTo(ErrorCode.START_FAILED);
        assertThat(pool.starting()).isZero();
    }

    @Test
    void afterAFailedStartCallsFailAtOnceWithItsErrorAndTheNextStartWaitsLongerEachTime() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        launcher.failing = true;
        CompletableFuture<Lease> first = pool.acquire(deadline());
        starts.runAll();
        assertThat(failure(first).code()).isEqualTo(ErrorCode.START_FAILED);

        ApiException refused = failure(pool.acquire(deadline()));

        assertThat(refused.code()).isEqualTo(ErrorCode.START_FAILED);
        assertThat(refused.getMessage())
                .isEqualTo("handler missing; after 1 failed start(s) in a row the next is tried in 500ms");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(launcher.attempts).isEqualTo(1);
        assertThat(pool.starting()).isZero();

        clock.advance(Duration.ofMillis(500));
        CompletableFuture<Lease> second = pool.acquire(deadline());
        starts.runAll();
        assertThat(failure(second).code()).isEqualTo(ErrorCode.START_FAILED);
        assertThat(launcher.attempts).isEqualTo(2);

        clock.advance(Duration.ofMillis(999));
        assertThat(failure(pool.acquire(deadline())).getMessage())
                .endsWith("after 2 failed start(s) in a row the next is tried in 1ms");
        assertThat(launcher.attempts).isEqualTo(2);
    }

    @Test
    void aStartThatSucceedsAfterFailedOnesForgetsThem() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        launcher.failing = true;
        pool.acquire(deadline());
        starts.runAll();
        clock.advance(StartBackoff.wait(1));
        pool.acquire(deadline());
        starts.runAll();
        clock.advance(StartBackoff.wait(2));
        launcher.failing = false;
        CompletableFuture<Lease> served = pool.acquire(deadline());
        starts.runAll();
        served.join().complete(Lease.Outcome.OK);
        clock.advance(Duration.ofMinutes(2));
        assertThat(pool.reapIdle()).isEqualTo(1);

        launcher.failing = true;
        pool.acquire(deadline());
        starts.runAll();

        assertThat(failure(pool.acquire(deadline())).getMessage())
                .endsWith("after 1 failed start(s) in a row the next is tried in 500ms");
        assertThat(launcher.attempts).isEqualTo(4);
    }

    @Test
    void whileStartsWaitCallsQueueForTheLiveInstancesInsteadOfFailing() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(1, 2, 10)));
        starts.runAll();
        CompletableFuture<Lease> first = pool.acquire(deadline());
        launcher.failing = true;
        CompletableFuture<Lease> second = pool.acquire(deadline());
        starts.runAll();
        assertThat(launcher.attempts).isEqualTo(2);

        CompletableFuture<Lease> third = pool.acquire(deadline());
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();
        assertThat(pool.starting()).as("no start is tried while the wait holds").isZero();
        first.join().complete(Lease.Outcome.OK);
        second.join().complete(Lease.Outcome.OK);

        assertThat(third.join().instance()).isSameAs(first.join().instance());
        assertThat(launcher.attempts).isEqualTo(2);
    }

    @Test
    void aDeployForgetsTheFailedStartsOfTheRevisionBefore() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        launcher.failing = true;
        pool.acquire(deadline());
        starts.runAll();
        launcher.failing = false;

        pool.deploy(PoolFakes.function(2, 1, PoolFakes.scaling(0, 1, 10)));
        CompletableFuture<Lease> call = pool.acquire(deadline());
        starts.runAll();

        assertThat(call.join().instance().function().revision()).isEqualTo(2);
    }

    @Test
    void handlerFailureAtStartFailsLaterCallsAtOnceWithoutStartingAgain() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        launcher.failing = true;
        launcher.failure = ErrorCode.HANDLER_FAILED;
        CompletableFuture<Lease> first = pool.acquire(deadline());
        starts.runAll();
        assertThat(failure(first).code()).isEqualTo(ErrorCode.HANDLER_FAILED);

        CompletableFuture<Lease> second = pool.acquire(deadline());

        assertThat(failure(second)).isSameAs(failure(first));
        assertThat(pool.starting()).isZero();
        assertThat(pool.failure()).containsSame(failure(first));
    }

    @Test
    void revisionDeployedAsFailedFailsCallsAtOnceUntilTheNextDeploy() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(1, 1, 10)));
        starts.runAll();
        ApiException broken = new ApiException(ErrorCode.HANDLER_FAILED, "static initializer threw");

        pool.deployFailed(PoolFakes.function(2, 1, PoolFakes.scaling(1, 1, 10)), broken);

        assertThat(failure(pool.acquire(deadline()))).isSameAs(broken);
        assertThat(pool.starting()).isZero();
        assertThat(killer.killed).singleElement().asString().contains("revision 2 replaced it");

        pool.deploy(PoolFakes.function(3, 1, PoolFakes.scaling(1, 1, 10)));
        starts.runAll();
        assertThat(pool.failure()).isEmpty();
        assertThat(pool.acquire(deadline()).join().instance().function().revision())
                .isEqualTo(3);
    }

    @Test
    void retiredInstanceLendsNoMoreSlotsAndIsReplacedOnlyOnceDiscarded() {
        FunctionPool pool = pool(PoolFakes.function(1, 2, PoolFakes.scaling(0, 2, 10)));
        CompletableFuture<Lease> failed = pool.acquire(deadline());
        starts.runAll();
        Instance retired = failed.join().instance();
        failed.join().quarantine();

        CompletableFuture<Lease> next = pool.acquire(deadline());
        assertThat(next).isNotDone();
        assertThat(pool.instances()).doesNotContain(retired);
        assertThat(killer.killed).isEmpty();

        failed.join().complete(Lease.Outcome.TIMEOUT, "timed out");
        starts.runAll();
        assertThat(killer.killed).containsExactly(retired.id() + ": timed out");
        assertThat(next.join().instance()).isNotSameAs(retired);
    }

    @Test
    void discardedInstanceIsKilledAndReplacedForWaitingCalls() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        CompletableFuture<Lease> first = pool.acquire(deadline());
        starts.runAll();
        CompletableFuture<Lease> second = pool.acquire(deadline());
        first.join().complete(Lease.Outcome.TIMEOUT, "timed out");
        assertThat(killer.killed).containsExactly("i0: timed out");
        assertThat(first.join().instance().state()).isEqualTo(Instance.State.DEAD);
        starts.runAll();
        assertThat(second.join().instance().id()).isEqualTo("i1");
    }

    @Test
    void redeployDrainsOldRevisionAndRoutesNewCallsToTheNewOne() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 2, 10)));
        CompletableFuture<Lease> old = pool.acquire(deadline());
        starts.runAll();
        pool.deploy(PoolFakes.function(2, 1, PoolFakes.scaling(0, 2, 10)));
        assertThat(old.join().instance().state()).isEqualTo(Instance.State.DRAINING);
        CompletableFuture<Lease> fresh = pool.acquire(deadline());
        starts.runAll();
        assertThat(fresh.join().instance().function().revision()).isEqualTo(2);
        assertThat(killer.killed).isEmpty();
        old.join().complete(Lease.Outcome.OK);
        assertThat(killer.killed).singleElement().asString().startsWith("i0: drained");
    }

    @Test
    void minInstancesAreStartedAtDeployAndKeptThroughIdleReaping() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(2, 4, 10)));
        starts.runAll();
        assertThat(launcher.launched).hasSize(2);
        clock.advance(Duration.ofHours(1));
        assertThat(pool.reapIdle()).isZero();
        assertThat(pool.instances()).hasSize(2);
    }

    @Test
    void idleInstancesAboveTheMinimumAreReaped() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10)));
        CompletableFuture<Lease> a = pool.acquire(deadline());
        CompletableFuture<Lease> b = pool.acquire(deadline());
        starts.runAll();
        a.join().complete(Lease.Outcome.OK);
        clock.advance(Duration.ofSeconds(59));
        assertThat(pool.reapIdle()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(pool.reapIdle()).isEqualTo(1);
        assertThat(pool.instances()).containsExactly(b.join().instance());
    }

    @Test
    void closeFailsWaitingCallsAndRemovesInstancesOnceIdle() {
        FunctionPool pool = pool(PoolFakes.function(1, 1, PoolFakes.scaling(0, 1, 10)));
        CompletableFuture<Lease> busy = pool.acquire(deadline());
        starts.runAll();
        CompletableFuture<Lease> waiting = pool.acquire(deadline());
        pool.close();
        assertThat(failure(waiting).code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
        assertThat(killer.killed).isEmpty();
        busy.join().complete(Lease.Outcome.OK);
        assertThat(killer.killed).hasSize(1);
        assertThat(failure(pool.acquire(deadline())).code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
    }

    private static ApiException failure(CompletableFuture<Lease> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            return (ApiException) e.getCause();
        }
        throw new AssertionError("expected the call to fail, it got " + future.join());
    }
}
