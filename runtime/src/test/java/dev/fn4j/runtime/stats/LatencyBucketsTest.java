package dev.fn4j.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void latenciesBelow8MicrosecondsHaveABucketEach() {
        assertThat(LatencyBuckets.of(0)).isZero();
        assertThat(LatencyBuckets.of(999)).isZero();
        assertThat(LatencyBuckets.of(1_000)).isEqualTo(1);
        assertThat(LatencyBuckets.of(7_999)).isEqualTo(7);
    }

    @Test
    void fromThereFourBucketsCoverEachDoubling() {
        assertThat(LatencyBuckets.of(8_000)).isEqualTo(8);
        assertThat(LatencyBuckets.of(9_999)).isEqualTo(8);
        assertThat(LatencyBuckets.of(10_000)).isEqualTo(9);
        assertThat(LatencyBuckets.of(15_999)).isEqualTo(11);
        assertThat(LatencyBuckets.of(16_000)).isEqualTo(12);
        assertThat(LatencyBuckets.of(32_000)).isEqualTo(16);
    }

    @Test
    void everyBucketStartsWhereThePreviousEndsAndIsAtMostAQuarterWide() {
        for (int bucket = 1; bucket < LatencyBuckets.COUNT; bucket++) {
            long lower = LatencyBuckets.lowerMicros(bucket);
            assertThat(lower).as("bucket %d", bucket).isGreaterThan(LatencyBuckets.lowerMicros(bucket - 1));
            assertThat(LatencyBuckets.of(lower * 1000)).as("bucket %d", bucket).isEqualTo(bucket);
            assertThat(LatencyBuckets.of(lower * 1000 - 1))
                    .as("bucket %d", bucket)
                    .isEqualTo(bucket - 1);
            if (bucket >= 8) {
                long width = LatencyBuckets.lowerMicros(bucket) - LatencyBuckets.lowerMicros(bucket - 1);
                assertThat(width * 4)
                        .as("bucket %d", bucket - 1)
                        .isLessThanOrEqualTo(LatencyBuckets.lowerMicros(bucket - 1));
            }
        }
    }

    @Test
    void negativeAndVeryLongLatenciesFallInTheFirstAndLastBuckets() {
        assertThat(LatencyBuckets.of(-5)).isZero();
        assertThat(LatencyBuckets.of(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
        assertThat(LatencyBuckets.of(3_600_000_000_000L)).isEqualTo(LatencyBuckets.COUNT - 2);
    }

    @Test
    void aBucketOutsideTheRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> LatencyBuckets.lowerMicros(124))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("124");
    }
}
