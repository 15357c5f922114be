package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.PoolFakes.FakeLauncher;
import dev.fn4j.runtime.pool.PoolFakes.ManualTimer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingFreezer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingKiller;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Idle instances paused instead of removed, resumed by the next call, removed in the end. */
class PausedInstancesTest {

    private static final long MIB = 1 << 20;
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final ManualClock clock = new ManualClock();
    private final ManualTimer timer = new ManualTimer(clock);
    private final ManualExecutor starts = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final RecordingKiller killer = new RecordingKiller();
    private final RecordingFreezer freezer = new RecordingFreezer();
    private final MemoryBudget budget = new MemoryBudget(600 * MIB);
    private final Capacity capacity = new Capacity(launcher, killer, budget);

    private FunctionPool pool(Pausing pausing, FunctionSpec.Scaling scaling) {
        Function function = PoolFakes.function(1, 1, scaling);
        FunctionPool pool = new FunctionPool(function, capacity, ScaleOut.unbounded(), pausing, starts, timer, clock);
        pool.deploy(function);
        starts.runAll();
        return pool;
    }

    private FunctionPool pool() {
        return pool(new Pausing(freezer, KEEP), PoolFakes.scaling(0, 4, 10));
    }

    private Lease call(FunctionPool pool) {
        CompletableFuture<Lease> lease = pool.acquire(clock.instant().plusSeconds(10));
        starts.runAll();
        return lease.join();
    }

    /** One call, then idle past the one-minute idle timeout and reaped: paused, or removed. */
    private Instance idled(FunctionPool pool) {
        Lease lease = call(pool);
        lease.complete(Lease.Outcome.OK);
        clock.advance(Duration.ofSeconds(61));
        assertThat(pool.reapIdle()).isEqualTo(1);
        starts.runAll();
        return lease.instance();
    }

    @Test
    void instanceIdlePastItsIdleTimeoutIsPausedAndKeepsItsMemory() {
        FunctionPool pool = pool();
        Instance instance = idled(pool);

        assertThat(freezer.calls).containsExactly("pause i0");
        assertThat(killer.killed).isEmpty();
        assertThat(pool.instances()).isEmpty();
        assertThat(pool.paused()).containsExactly(instance);
        assertThat(budget.available()).isEqualTo(budget.total() - 256 * MIB);
    }

    @Test
    void callWithNoLiveInstanceResumesThePausedOneInsteadOfStartingOne() {
        FunctionPool pool = pool();
        Instance paused = idled(pool);

        Lease lease = call(pool);

        assertThat(lease.instance()).isSameAs(paused);
        assertThat(lease.coldStart()).isFalse();
        assertThat(freezer.calls).containsExactly("pause i0", "unpause i0");
        assertThat(launcher.launched).hasSize(1);
        assertThat(pool.paused()).isEmpty();
        assertThat(pool.instances()).containsExactly(paused);
        assertThat(pool.starting()).isZero();
    }

    @Test
    void resumedInstanceCountsAsUsedWhenResumedSoTheNextSweepLeavesIt() {
        FunctionPool pool = pool();
        Instance paused = idled(pool);
        clock.advance(Duration.ofSeconds(30));

        Lease lease = call(pool);

        assertThat(paused.lastUsed()).isEqualTo(clock.instant());
        assertThat(pool.reapIdle()).isZero();
        lease.complete(Lease.Outcome.OK);
        assertThat(pool.reapIdle()).isZero();
        assertThat(freezer.calls).containsExactly("pause i0", "unpause i0");
    }

    @Test
    void callArrivingWhileThePauseRunsResumesTheInstanceOnceItIsPaused() {
        FunctionPool pool = pool();
        Lease first = call(pool);
        first.complete(Lease.Outcome.OK);
        clock.advance(Duration.ofSeconds(61));
        pool.reapIdle();

        Lease second = call(pool);

        assertThat(second.instance()).isSameAs(first.instance());
        assertThat(freezer.calls).containsExactly("pause i0", "unpause i0");
        assertThat(launcher.launched).hasSize(1);
    }

    @Test
    void pausedInstanceIsRemovedOnceKeptPausedForKeepPaused() {
        FunctionPool pool = pool();
        idled(pool);

        clock.advance(KEEP);
        pool.reapIdle();
        assertThat(killer.killed).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        pool.reapIdle();

        assertThat(killer.killed).containsExactly("i0: paused for more than 10m");
        assertThat(pool.paused()).isEmpty();
        assertThat(budget.available()).isEqualTo(budget.total());
    }

    @Test
    void redeployRemovesThePausedInstancesOfTheOldRevision() {
        FunctionPool pool = pool();
        idled(pool);

        pool.deploy(PoolFakes.function(2, 1, PoolFakes.scaling(0, 4, 10)));

        assertThat(killer.killed).containsExactly("i0: revision 2 replaced it");
        assertThat(pool.paused()).isEmpty();
        assertThat(call(pool).instance().function().revision()).isEqualTo(2);
    }

    @Test
    void deletingTheFunctionRemovesItsPausedInstances() {
        FunctionPool pool = pool();
        idled(pool);

        pool.close();

        assertThat(killer.killed).containsExactly("i0: pool closed");
        assertThat(budget.available()).isEqualTo(budget.total());
    }

    @Test
    void minInstancesStayLiveAndAreNeverPaused() {
        FunctionPool pool = pool(new Pausing(freezer, KEEP), PoolFakes.scaling(1, 4, 10));
        clock.advance(Duration.ofHours(1));

        assertThat(pool.reapIdle()).isZero();
        starts.runAll();

        assertThat(freezer.calls).isEmpty();
        assertThat(pool.instances()).hasSize(1);
    }

    @Test
    void engineThatCannotPauseHasIdleInstancesRemovedAsBefore() {
        FunctionPool pool = pool(new Pausing(null, KEEP), PoolFakes.scaling(0, 4, 10));
        idled(pool);

        assertThat(killer.killed).containsExactly("i0: idle for more than 1m");
        assertThat(pool.paused()).isEmpty();
    }

    @Test
    void keepPausedZeroRemovesIdleInstancesAsBefore() {
        FunctionPool pool = pool(new Pausing(freezer, Duration.ZERO), PoolFakes.scaling(0, 4, 10));
        idled(pool);

        assertThat(freezer.calls).isEmpty();
        assertThat(killer.killed).containsExactly("i0: idle for more than 1m");
    }

    @Test
    void instanceWhosePauseFailsIsRemoved() {
        FunctionPool pool = pool();
        freezer.failPause = true;
        idled(pool);

        assertThat(killer.killed).containsExactly("i0: pausing it failed: cgroup freezer stuck");
        assertThat(pool.paused()).isEmpty();
    }

    @Test
    void instanceThatFailsToResumeIsRemovedAndANewOneStartsForTheCall() {
        FunctionPool pool = pool();
        idled(pool);
        freezer.failUnpause = true;

        Lease lease = call(pool);

        assertThat(killer.killed).containsExactly("i0: resuming it failed: container is not paused");
        assertThat(lease.instance().id()).isEqualTo("i1");
        assertThat(lease.coldStart()).isTrue();
        assertThat(budget.available()).isEqualTo(budget.total() - 256 * MIB);
    }

    @Test
    void memoryPressureEvictsAnotherFunctionsPausedInstanceBeforeItsLeastRecentlyUsedLiveOne() {
        PoolRegistry pools =
                new PoolRegistry(capacity, ScaleOut.unbounded(), new Pausing(freezer, KEEP), starts, timer, clock);
        pools.deploy(named("a", Duration.ofHours(1)));
        pools.deploy(named("b", Duration.ofMinutes(1)));
        pools.deploy(named("c", Duration.ofMinutes(1)));
        starts.runAll();
        Lease a = call(pools.get("a").orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        Lease b = call(pools.get("b").orElseThrow());
        a.complete(Lease.Outcome.OK);
        b.complete(Lease.Outcome.OK);
        clock.advance(Duration.ofMinutes(2));
        pools.reapIdle();
        starts.runAll();
        assertThat(pools.get("b").orElseThrow().paused()).hasSize(1);
        assertThat(capacity.availableFor("c")).isEqualTo(capacity.available() + 256 * MIB);
        assertThat(capacity.availableFor("b")).isEqualTo(capacity.available());

        Lease c = call(pools.get("c").orElseThrow());

        assertThat(c.coldStart()).isTrue();
        assertThat(killer.killed).containsExactly("i1: evicted to make room for 'c'");
        assertThat(pools.get("a").orElseThrow().instances()).containsExactly(a.instance());
    }

    private static Function named(String name, Duration idleTimeout) {
        return PoolFakes.named(name, new FunctionSpec.Scaling(0, 4, idleTimeout, 10));
    }
}
