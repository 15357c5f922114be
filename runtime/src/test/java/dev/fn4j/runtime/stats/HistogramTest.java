package dev.fn4j.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static final long MS = 1_000_000;

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(new Histogram().percentile(0.5)).isNull();
    }

    @Test
    void percentilesAreTheMiddleOfTheBucketTheirRankFallsIn() {
        Histogram histogram = new Histogram();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(ms * MS);
        }
        // 50 ms falls in [49.152, 57.344) ms; 99 ms in [98.304, 114.688) ms.
        assertThat(histogram.percentile(0.5)).isEqualTo(53.248);
        assertThat(histogram.percentile(0.99)).isEqualTo(106.496);
        assertThat(histogram.percentile(1.0)).isEqualTo(106.496);
        assertThat(histogram.total()).isEqualTo(100);
    }

    @Test
    void aPercentileIsWithinAnEighthOfTheTrueValue() {
        for (long micros = 8; micros < 100_000_000; micros = micros * 13 / 10 + 1) {
            Histogram histogram = new Histogram();
            histogram.record(micros * 1000);
            assertThat(histogram.percentile(0.5))
                    .as("%d µs", micros)
                    .isCloseTo(micros / 1000.0, within(micros / 8000.0));
        }
    }

    @Test
    void histogramsOfSeveralMinutesAddUpToTheHistogramOfAllTheirCalls() {
        Histogram first = new Histogram();
        Histogram second = new Histogram();
        Histogram all = new Histogram();
        for (int i = 0; i < 1000; i++) {
            long nanos = (i % 7 == 0 ? 250 : 2) * MS + i * 1000L;
            (i % 2 == 0 ? first : second).record(nanos);
            all.record(nanos);
        }
        Histogram merged = new Histogram();
        merged.addAll(first);
        merged.addAll(second);
        assertThat(merged).isEqualTo(all);
        assertThat(merged.percentile(0.5)).isEqualTo(all.percentile(0.5));
        assertThat(merged.percentile(0.99)).isGreaterThan(200.0);
    }

    @Test
    void aQuantileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Histogram().percentile(0)).hasMessageContaining("0.0");
        assertThatThrownBy(() -> new Histogram().percentile(1.5)).hasMessageContaining("1.5");
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> new Histogram().add(3, -1)).hasMessageContaining("-1");
    }
}
