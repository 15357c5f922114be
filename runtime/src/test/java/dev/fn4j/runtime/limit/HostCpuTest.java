package dev.fn4j.runtime.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostCpuTest {

    @Test
    void idleAndIowaitAreTheOnlyNonBusyTimeOfTheCpuLine() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        long[] sample = HostCpu.parse("cpu  100 5 50 800 20 3 2 10 7 0");
        assertThat(sample).containsExactly(170, 990);
    }

    @Test
    void aLineThatIsNotTheCpuTotalIsUnreadable() {
        assertThat(HostCpu.parse("cpu0 1 2 3 4 5")).isNull();
        assertThat(HostCpu.parse("intr 1")).isNull();
    }

    @Test
    void theBusyShareIsBetweenZeroAndOne() {
        double busy = new HostCpu().busy();
        assertThat(busy).isBetween(0.0, 1.0);
    }
}
