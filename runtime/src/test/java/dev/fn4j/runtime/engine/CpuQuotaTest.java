package dev.fn4j.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuQuotaTest {

    @Test
    void givesTheQuotaPerHundredMillisecondPeriod() {
        assertThat(CpuQuota.quotaMicros(1_000_000_000L)).isEqualTo(100_000L);
        assertThat(CpuQuota.quotaMicros(500_000_000L)).isEqualTo(50_000L);
        assertThat(CpuQuota.quotaMicros(2_500_000_000L)).isEqualTo(250_000L);
    }

    @Test
    void neverGoesBelowTheKernelsSmallestQuota() {
        assertThat(CpuQuota.quotaMicros(1L)).isEqualTo(1_000L);
    }

    @Test
    void refusesNoCpuAtAll() {
        assertThatThrownBy(() -> CpuQuota.quotaMicros(0)).hasMessage("nanoCpus must be positive: 0");
    }
}
