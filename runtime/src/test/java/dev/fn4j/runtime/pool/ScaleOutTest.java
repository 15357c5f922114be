package dev.fn4j.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleOutTest {

    private static final long MIB = 1L << 20;
    private static final long PLENTY = 1L << 40;

    /** A fake host CPU whose use the test sets. */
    private double cpuBusy;

    private final ScaleOut twoCores = new ScaleOut(2, () -> cpuBusy, Duration.ofMillis(10), 8);
    private final ScaleOut oneAtATime = new ScaleOut(2, () -> cpuBusy, Duration.ofMillis(10), 1);

    private static FunctionSpec spec(double cpus, int concurrency, int min, int max) {
        return new FunctionSpec(
                "sha256:abc",
                "com.example.Echo",
                Duration.ofSeconds(10),
                256 * MIB,
                cpus,
                concurrency,
                Map.of(),
                new FunctionSpec.Scaling(min, max, Duration.ofMinutes(1), 100),
                null,
                false);
    }

    private static ScaleOut.Demand demand(int live, int starting, int waiting, long waitedMillis) {
        return new ScaleOut.Demand(live, starting, waiting, Duration.ofMillis(waitedMillis), PLENTY);
    }

    @Test
    void nothingStartsWhileNoCallWaits() {
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(0, 0, 0, 0))).isZero();
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(1, 0, 0, 0))).isZero();
    }

    @Test
    void aFirstCallStartsOneInstance() {
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(0, 0, 1, 0))).isEqualTo(1);
    }

    @Test
    void callsThatAnInstanceAlreadyStartingWillTakeStartNoOther() {
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(0, 1, 16, 500))).isZero();
    }

    @Test
    void aBurstFromZeroStartsNoMoreInstancesThanItsCallsFillNorThanTheCoresHold() {
        cpuBusy = 0.1;
        // 64 calls fill 4 instances of 16, but 1-CPU instances fill two cores with two.
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(0, 0, 64, 0))).isEqualTo(2);
        // 20 calls fill 2 instances of 16.
        assertThat(twoCores.toStart(spec(0.5, 16, 0, 10), demand(0, 0, 20, 0))).isEqualTo(2);
        // Half-CPU instances: four fit on two cores.
        assertThat(twoCores.toStart(spec(0.5, 16, 0, 10), demand(0, 0, 64, 0))).isEqualTo(4);
    }

    @Test
    void oneStartAtATimeStartsOneForABurstAndNoneWhileOneStarts() {
        assertThat(oneAtATime.toStart(spec(0.5, 16, 0, 10), demand(0, 0, 64, 0)))
                .isEqualTo(1);
        assertThat(oneAtATime.toStart(spec(0.5, 16, 0, 10), demand(0, 1, 64, 500)))
                .isZero();
        assertThat(oneAtATime.toStart(spec(0.5, 16, 0, 10), demand(1, 0, 48, 500)))
                .isEqualTo(1);
        // The minimum is started at once all the same.
        assertThat(oneAtATime.toStart(spec(0.5, 16, 3, 10), demand(0, 0, 0, 0))).isEqualTo(3);
    }

    @Test
    void warmInstancesSaturatedOnlyAMomentStartNoOther() {
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(1, 0, 5, 9))).isZero();
        assertThat(twoCores.toStart(spec(1, 16, 0, 10), demand(1, 0, 5, 10))).isEqualTo(1);
    }

    @Test
    void pastTheFirstInstanceNoneStartsWhileTheHostCpuIsSaturated() {
        FunctionSpec echo = spec(1, 16, 0, 10);
        cpuBusy = 0.95;
        assertThat(twoCores.toStart(echo, demand(1, 0, 48, 1000))).isZero();
        cpuBusy = 0.30;
        assertThat(twoCores.toStart(echo, demand(1, 0, 48, 1000))).isEqualTo(1);
        // The first instance starts whatever the CPU: without it nothing is served at all.
        cpuBusy = 1;
        assertThat(twoCores.toStart(echo, demand(0, 0, 48, 0))).isEqualTo(2);
    }

    @Test
    void pastTheCoresOneMoreStartsOnlyWhileTheHostCpuIsNotSaturated() {
        FunctionSpec sleeper = spec(1, 1, 0, 10);
        cpuBusy = 0.95;
        assertThat(twoCores.toStart(sleeper, demand(2, 0, 30, 1000))).isZero();
        cpuBusy = 0.30;
        assertThat(twoCores.toStart(sleeper, demand(2, 0, 30, 1000))).isEqualTo(1);
        // One at a time past the cores: none while one of them is starting.
        assertThat(twoCores.toStart(sleeper, demand(2, 1, 30, 1000))).isZero();
    }

    @Test
    void neverMoreThanMaxInstances() {
        cpuBusy = 0;
        assertThat(twoCores.toStart(spec(0.1, 1, 0, 3), demand(0, 0, 50, 0))).isEqualTo(3);
        assertThat(twoCores.toStart(spec(0.1, 1, 0, 3), demand(3, 0, 50, 1000))).isZero();
    }

    @Test
    void scalingOutUsesOnlyFreeMemoryWhileTheFirstInstanceMayEvict() {
        FunctionSpec spec = spec(0.5, 1, 0, 10);
        assertThat(twoCores.toStart(spec, new ScaleOut.Demand(1, 0, 5, Duration.ofSeconds(1), 255 * MIB)))
                .isZero();
        assertThat(twoCores.toStart(spec, new ScaleOut.Demand(1, 0, 5, Duration.ofSeconds(1), 512 * MIB)))
                .isEqualTo(2);
        // Memory held by instances still starting is not free.
        assertThat(twoCores.toStart(spec, new ScaleOut.Demand(1, 1, 5, Duration.ofSeconds(1), 512 * MIB)))
                .isEqualTo(1);
        // The first instance may still make room by evicting idle instances of other functions.
        assertThat(twoCores.toStart(spec, new ScaleOut.Demand(0, 0, 1, Duration.ZERO, 0)))
                .isEqualTo(1);
    }

    @Test
    void theMinimumIsKeptWhateverTheLoad() {
        cpuBusy = 1;
        assertThat(twoCores.toStart(spec(1, 16, 3, 5), demand(0, 0, 0, 0))).isEqualTo(3);
        assertThat(twoCores.toStart(spec(1, 16, 3, 5), demand(1, 1, 0, 0))).isEqualTo(1);
    }

    @Test
    void aHostWithoutCoresIsRefused() {
        assertThatThrownBy(() -> new ScaleOut(0, () -> 0, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
