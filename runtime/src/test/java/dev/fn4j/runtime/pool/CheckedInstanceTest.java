package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.PoolFakes.FakeLauncher;
import dev.fn4j.runtime.pool.PoolFakes.ManualTimer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingKiller;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CheckedInstanceTest {

    private static final long BUDGET = 1L << 30;
    private static final long INSTANCE = 256L << 20;

    private final ManualClock clock = new ManualClock();
    private final ManualExecutor starts = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final RecordingKiller killer = new RecordingKiller();
    private final MemoryBudget budget = new MemoryBudget(BUDGET);
    private final Capacity capacity = new Capacity(launcher, killer, budget);

    private FunctionPool pool(Function function) {
        return new FunctionPool(
                function, capacity, ScaleOut.unbounded(), Pausing.OFF, starts, new ManualTimer(clock), clock);
    }

    private Instant deadline() {
        return clock.instant().plusSeconds(10);
    }

    @Test
    void adoptedInstanceServesTheFirstCallWithoutAStart() {
        Function function = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        CheckedInstance checked = capacity.startChecked(function).orElseThrow();
        FunctionPool pool = pool(function);
        pool.deploy(function, checked);

        CompletableFuture<Lease> first = pool.acquire(deadline());

        assertThat(first).isDone();
        assertThat(first.join().coldStart()).isFalse();
        assertThat(first.join().instance()).isSameAs(checked.instance());
        assertThat(pool.starting()).isZero();
        assertThat(launcher.launched).hasSize(1);
    }

    @Test
    void checkedInstanceOfARevisionThatLostIsNotAdoptedAndItsDiscardFreesItsMemory() {
        Function checkedRevision = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        Function winner = PoolFakes.function(2, 1, PoolFakes.scaling(0, 4, 10));
        CheckedInstance checked = capacity.startChecked(checkedRevision).orElseThrow();
        FunctionPool pool = pool(winner);

        pool.deploy(winner, checked);
        checked.discard("revision 1 not deployed");

        assertThat(pool.instances()).isEmpty();
        assertThat(killer.killed).containsExactly("i0: revision 1 not deployed");
        assertThat(budget.available()).isEqualTo(BUDGET);
    }

    @Test
    void closedPoolDoesNotAdopt() {
        Function function = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        CheckedInstance checked = capacity.startChecked(function).orElseThrow();
        FunctionPool pool = pool(function);
        pool.close();

        pool.deploy(function, checked);
        checked.discard("pool closed");

        assertThat(pool.instances()).isEmpty();
        assertThat(budget.available()).isEqualTo(BUDGET);
    }

    @Test
    void adoptedInstanceCountsAgainstMaxInstances() {
        Function function = PoolFakes.function(1, 1, PoolFakes.scaling(0, 2, 10));
        FunctionPool pool = pool(function);
        pool.deploy(function, capacity.startChecked(function).orElseThrow());
        List<CompletableFuture<Lease>> calls = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            calls.add(pool.acquire(deadline()));
        }
        starts.runAll();

        assertThat(launcher.launched).hasSize(2);
        assertThat(pool.instances()).hasSize(2);
        assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(2);
    }

    @Test
    void adoptedInstanceHoldsItsMemoryUntilThePoolKillsItOnce() {
        Function function = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        CheckedInstance checked = capacity.startChecked(function).orElseThrow();
        FunctionPool pool = pool(function);
        pool.deploy(function, checked);
        checked.discard("revision 1 not deployed");

        assertThat(budget.available()).isEqualTo(BUDGET - INSTANCE);
        assertThat(killer.killed).isEmpty();

        pool.close();

        assertThat(killer.killed).containsExactly("i0: pool closed");
        assertThat(budget.available()).isEqualTo(BUDGET);
    }

    @Test
    void adoptedInstanceServesLaterCallsWarmAndKeepsOneReservation() {
        Function small = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        FunctionPool pool = pool(small);
        pool.deploy(small, capacity.startChecked(small).orElseThrow());
        for (int i = 0; i < 3; i++) {
            assertThat(pool.acquire(deadline()).join().complete(Lease.Outcome.OK))
                    .isTrue();
        }

        assertThat(launcher.launched).hasSize(1);
        assertThat(capacity.available()).isEqualTo(BUDGET - INSTANCE);
    }

    @Test
    void noRoomStartsNothing() {
        Function function = PoolFakes.function(1, 1, PoolFakes.scaling(0, 4, 10));
        budget.tryReserve(BUDGET - INSTANCE + 1);

        assertThat(capacity.startChecked(function)).isEmpty();
        assertThat(launcher.launched).isEmpty();
    }
}
