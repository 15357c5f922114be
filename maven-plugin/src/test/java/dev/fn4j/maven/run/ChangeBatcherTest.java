package dev.fn4j.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangeBatcherTest {

    private static final long MS = 1_000_000;

    private final ChangeBatcher batcher = new ChangeBatcher(Duration.ofMillis(150), Duration.ofMillis(1000));

    @Test
    void nothingIsDueBeforeAChange() {
        assertThat(batcher.nanosUntilDue(0)).isEqualTo(-1);
        assertThat(batcher.takeIfDue(10_000 * MS)).isNull();
    }

    @Test
    void aBurstOfChangesIsOneBatchOnceQuiet() {
        batcher.changed(Path.of("com/example/Hello.class"), 0);
        batcher.changed(Path.of("com/example/Hello$1.class"), 40 * MS);
        batcher.changed(Path.of("com/example/Hello.class"), 100 * MS);

        assertThat(batcher.takeIfDue(200 * MS)).isNull();
        assertThat(batcher.nanosUntilDue(200 * MS)).isEqualTo(50 * MS);
        ChangeBatcher.Batch batch = batcher.takeIfDue(250 * MS);
        assertThat(batch.paths())
                .containsExactlyInAnyOrder(Path.of("com/example/Hello.class"), Path.of("com/example/Hello$1.class"));
        assertThat(batch.count()).isEqualTo(3);
        assertThat(batch.complete()).isTrue();
        assertThat(batch.firstNanos()).isZero();
        assertThat(batcher.takeIfDue(10_000 * MS)).isNull();
    }

    @Test
    void aBuildThatNeverPausesStillReloadsAfterTheLongestWait() {
        for (long t = 0; t <= 990; t += 100) {
            batcher.changed(Path.of("A" + t + ".class"), t * MS);
            assertThat(batcher.takeIfDue(t * MS)).isNull();
        }
        assertThat(batcher.nanosUntilDue(990 * MS)).isEqualTo(10 * MS);
        assertThat(batcher.takeIfDue(1000 * MS).count()).isEqualTo(10);
    }

    @Test
    void changesAfterABatchStartTheNext() {
        batcher.changed(Path.of("A.class"), 0);
        assertThat(batcher.takeIfDue(150 * MS).paths()).containsExactly(Path.of("A.class"));
        batcher.changed(Path.of("B.class"), 2000 * MS);
        assertThat(batcher.takeIfDue(2100 * MS)).isNull();
        ChangeBatcher.Batch next = batcher.takeIfDue(2150 * MS);
        assertThat(next.paths()).containsExactly(Path.of("B.class"));
        assertThat(next.firstNanos()).isEqualTo(2000 * MS);
    }

    @Test
    void aHugeBatchNamesAHundredPathsAndCountsAll() {
        for (int i = 0; i < 500; i++) {
            batcher.changed(Path.of("C" + i + ".class"), 0);
        }
        ChangeBatcher.Batch batch = batcher.takeIfDue(150 * MS);
        assertThat(batch.paths()).hasSize(ChangeBatcher.MAX_NAMED);
        assertThat(batch.complete()).isFalse();
        assertThat(batch.count()).isEqualTo(500);
    }

    @Test
    void theQuietPeriodMustBePositiveAndWithinTheLongestWait() {
        assertThatThrownBy(() -> new ChangeBatcher(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quiet must be positive and at most maxWait: quiet PT0S, maxWait PT1S");
        assertThatThrownBy(() -> new ChangeBatcher(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
