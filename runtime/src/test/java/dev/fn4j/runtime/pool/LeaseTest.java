package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.instance.Instance;
import dev.fn4j.runtime.limit.MemoryBudget;
import dev.fn4j.runtime.pool.PoolFakes.FakeLauncher;
import dev.fn4j.runtime.pool.PoolFakes.ManualTimer;
import dev.fn4j.runtime.pool.PoolFakes.RecordingKiller;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeaseTest {

    private static final long BUDGET = 1L << 30;
    private static final long INSTANCE_MEMORY = 256L << 20;

    private final ManualClock clock = new ManualClock();
    private final ManualExecutor starts = new ManualExecutor();
    private final FakeLauncher launcher = new FakeLauncher(clock);
    private final RecordingKiller killer = new RecordingKiller();
    private final Capacity capacity = new Capacity(launcher, killer, new MemoryBudget(BUDGET));
    private final FunctionPool pool = new FunctionPool(
            PoolFakes.function(1, 2, PoolFakes.scaling(0, 2, 10)),
            capacity,
            ScaleOut.unbounded(),
            Pausing.OFF,
            starts,
            new ManualTimer(clock),
            clock);

    private Lease lease() {
        CompletableFuture<Lease> lease = pool.acquire(clock.instant().plusSeconds(10));
        starts.runAll();
        return lease.join();
    }

    @ParameterizedTest
    @EnumSource(
            value = Lease.Outcome.class,
            names = {"OK", "FUNCTION_ERROR"})
    void anAnsweredCallGivesItsSlotBackAndTheInstanceServesAgain(Lease.Outcome outcome) {
        Lease lease = lease();
        Instance instance = lease.instance();

        assertThat(lease.complete(outcome)).isTrue();

        assertThat(instance.state()).isEqualTo(Instance.State.READY);
        assertThat(instance.inFlight()).isZero();
        assertThat(killer.killed).isEmpty();
        assertThat(lease().instance()).isSameAs(instance);
        assertThat(capacity.available()).isEqualTo(BUDGET - INSTANCE_MEMORY);
    }

    @ParameterizedTest
    @EnumSource(
            value = Lease.Outcome.class,
            names = {"TIMEOUT", "CRASH", "OUT_OF_MEMORY"})
    void aBrokenInstanceIsDiscardedAndItsMemoryReleased(Lease.Outcome outcome) {
        Lease lease = lease();
        Instance instance = lease.instance();

        assertThat(lease.complete(outcome, "why")).isTrue();

        assertThat(instance.state()).isEqualTo(Instance.State.DEAD);
        assertThat(killer.killed).containsExactly(instance.id() + ": why");
        assertThat(pool.instances()).doesNotContain(instance);
        assertThat(lease.connection().isOpen()).isFalse();
        assertThat(capacity.available()).isEqualTo(BUDGET);
    }

    @Test
    void onlyTheFirstCompletionDecides() {
        Lease lease = lease();
        Instance instance = lease.instance();
        lease.complete(Lease.Outcome.OK);

        assertThat(lease.complete(Lease.Outcome.CRASH, "late")).isFalse();
        assertThat(lease.complete(Lease.Outcome.OK)).isFalse();
        lease.close();

        assertThat(instance.state()).isEqualTo(Instance.State.READY);
        assertThat(instance.inFlight()).isZero();
        assertThat(killer.killed).isEmpty();
    }

    @Test
    void aDiscardCompletedTwiceKillsAndReleasesOnce() {
        Lease lease = lease();
        lease.complete(Lease.Outcome.TIMEOUT, "timed out");
        lease.complete(Lease.Outcome.CRASH, "again");

        assertThat(killer.killed).containsExactly("i0: timed out");
        assertThat(capacity.available()).isEqualTo(BUDGET);
    }

    @Test
    void aQuarantinedInstanceTakesNoNewCallsAndIsDiscardedWhateverTheOutcome() {
        Lease lease = lease();
        Instance instance = lease.instance();
        lease.quarantine();

        assertThat(pool.instances()).doesNotContain(instance);
        assertThat(killer.killed).isEmpty();
        assertThat(lease().instance()).isNotSameAs(instance);

        lease.complete(Lease.Outcome.OK);
        assertThat(killer.killed).containsExactly("i0: ok");
        assertThat(instance.state()).isEqualTo(Instance.State.DEAD);
    }

    @Test
    void closingALeaseNobodyCompletedDiscardsItsInstance() {
        Lease lease = lease();
        lease.close();

        assertThat(killer.killed).containsExactly("i0: the call ended without an outcome");
        assertThat(capacity.available()).isEqualTo(BUDGET);
    }
}
