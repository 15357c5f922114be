package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.PoolFakes.FakeLauncher;
import dev.fn4j.runtime.pool.PoolFakes.ManualTimer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingKiller;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private static final long MIB = 1 << 20;

    private final ManualClock clock = new ManualClock();
    private final ManualExecutor starts = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final MemoryBudget budget = new MemoryBudget(600 * MIB);
    private final RecordingKiller recorder = new RecordingKiller();
    private final Capacity capacity = new Capacity(launcher, recorder, budget);
    private final PoolRegistry pools = new PoolRegistry(capacity, starts, new ManualTimer(clock), clock);

    private static Function function(String name) {
        return PoolFakes.named(name, PoolFakes.scaling(0, 4, 10));
    }

    private Lease call(String name) {
        CompletableFuture<Lease> lease =
                pools.get(name).orElseThrow().acquire(clock.instant().plusSeconds(10));
        starts.runAll();
        return lease.join();
    }

    @Test
    void evictsTheLeastRecentlyUsedIdleInstanceOfAnotherFunctionWhenFull() {
        pools.deploy(function("a"));
        pools.deploy(function("b"));
        pools.deploy(function("c"));
        Lease a = call("a");
        clock.advance(Duration.ofSeconds(1));
        Lease b = call("b");
        a.complete(Lease.Outcome.OK);
        clock.advance(Duration.ofSeconds(1));
        b.complete(Lease.Outcome.OK);

        Lease c = call("c");
        assertThat(c.coldStart()).isTrue();
        assertThat(recorder.killed).containsExactly("i0: evicted to make room for 'c'");
        assertThat(pools.get("a").orElseThrow().instances()).isEmpty();
        assertThat(pools.get("b").orElseThrow().instances()).hasSize(1);
    }

    @Test
    void refusesWithCapacityExhaustedWhenEverythingIsBusy() {
        pools.deploy(function("a"));
        pools.deploy(function("b"));
        pools.deploy(function("c"));
        call("a");
        call("b");
        CompletableFuture<Lease> c =
                pools.get("c").orElseThrow().acquire(clock.instant().plusSeconds(10));
        starts.runAll();
        ApiException error =
                (ApiException) org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class, c::join)
                        .getCause();
        assertThat(error.code()).isEqualTo(ErrorCode.CAPACITY_EXHAUSTED);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(error.getMessage())
                .startsWith("no room for another instance of 'c': it"
                        + " needs 256m and only 88m of the runtime's 600m budget is free");
        assertThat(budget.available()).isEqualTo(88 * MIB);
        assertThat(recorder.killed).isEmpty();
    }

    @Test
    void aFailedStartReservesNothing() {
        pools.deploy(function("a"));
        launcher.failing = true;
        CompletableFuture<Lease> a =
                pools.get("a").orElseThrow().acquire(clock.instant().plusSeconds(10));
        starts.runAll();
        assertThat(a).isCompletedExceptionally();
        assertThat(budget.available()).isEqualTo(600 * MIB);
    }

    @Test
    void killingAnInstanceReleasesItsMemoryOnceHoweverOftenItIsKilled() {
        pools.deploy(function("a"));
        Lease a = call("a");
        assertThat(budget.available()).isEqualTo(344 * MIB);

        capacity.kill(a.instance(), "first");
        capacity.kill(a.instance(), "second");

        assertThat(budget.available()).isEqualTo(600 * MIB);
    }

    @Test
    void anInstanceKilledElsewhereFirstStillGivesItsMemoryBack() {
        pools.deploy(function("a"));
        Lease a = call("a");
        a.instance().kill("engine lost it");

        a.complete(Lease.Outcome.CRASH, "crashed");

        assertThat(a.instance().deathReason()).isEqualTo("engine lost it");
        assertThat(budget.available()).isEqualTo(600 * MIB);
    }

    @Test
    void deployCheckRunsWithItsInstancesMemoryReservedAndReleasesItAfter() {
        long[] availableDuringCheck = new long[1];

        boolean checked = capacity.whileReserved(function("a"), () -> availableDuringCheck[0] = budget.available());

        assertThat(checked).isTrue();
        assertThat(availableDuringCheck[0]).isEqualTo(344 * MIB);
        assertThat(budget.available()).isEqualTo(600 * MIB);
    }

    @Test
    void deployCheckIsSkippedRatherThanEvictAnIdleInstance() {
        pools.deploy(function("b"));
        pools.deploy(function("c"));
        call("b").complete(Lease.Outcome.OK);
        call("c").complete(Lease.Outcome.OK);
        boolean[] ran = new boolean[1];

        boolean checked = capacity.whileReserved(function("a"), () -> ran[0] = true);

        assertThat(checked).isFalse();
        assertThat(ran[0]).isFalse();
        assertThat(recorder.killed).isEmpty();
        assertThat(budget.available()).isEqualTo(88 * MIB);
    }
}
