package dev.fn4j.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CallStatsTest {

    private static final long MS = 1_000_000;

    private final ManualClock clock = new ManualClock(); // starts at 2026-11-21T12:00:00Z
    private final MemoryStatsStore store = new MemoryStatsStore();
    private final CallStats stats = new CallStats(store, clock);

    private final Instant noon = clock.instant();
    private final Instant hourLater = noon.plus(Duration.ofHours(1));

    @Test
    void aCallCountsFromTheMomentItEndsBeforeAnyFlush() {
        stats.ran("hello", false, true, 3 * MS);
        stats.ran("hello", true, false, 5 * MS);

        List<MinuteCount> minutes = stats.minutes("hello", noon, hourLater);
        assertThat(minutes).hasSize(1);
        MinuteCount minute = minutes.get(0);
        assertThat(minute.minute()).isEqualTo(noon);
        assertThat(minute.tally().calls()).isEqualTo(2);
        assertThat(minute.tally().errors()).isEqualTo(1);
        assertThat(minute.tally().coldStarts()).isEqualTo(1);
        assertThat(minute.tally().latency().total()).isEqualTo(2);
        assertThat(store.rows).isEmpty();
    }

    @Test
    void aFlushMovesTheCallsToTheStoreAndReadsCountThemOnce() {
        stats.ran("hello", false, false, MS);
        stats.ran("other", false, false, MS);
        stats.flush();

        assertThat(store.storedCalls("hello")).isEqualTo(1);
        assertThat(store.storedCalls("other")).isEqualTo(1);
        assertThat(stats.minutes("hello", noon, hourLater).get(0).tally().calls())
                .isEqualTo(1);
        assertThat(stats.totals(noon, hourLater).get("hello").calls()).isEqualTo(1);
    }

    @Test
    void callsAfterAFlushAddToWhatTheStoreHasForTheSameMinute() {
        stats.ran("hello", false, false, MS);
        stats.flush();
        clock.advance(Duration.ofSeconds(30));
        stats.ran("hello", false, false, 100 * MS);

        MinuteCount minute = stats.minutes("hello", noon, hourLater).get(0);
        assertThat(minute.tally().calls()).isEqualTo(2);
        assertThat(minute.tally().latency().percentile(1.0)).isGreaterThan(90.0);

        stats.flush();
        assertThat(store.storedCalls("hello")).isEqualTo(2);
        assertThat(stats.minutes("hello", noon, hourLater).get(0).tally().calls())
                .isEqualTo(2);
    }

    @Test
    void eachMinuteKeepsItsOwnCounts() {
        stats.ran("hello", false, false, MS);
        clock.advance(Duration.ofMinutes(1));
        stats.ran("hello", false, false, MS);
        stats.ran("hello", false, false, MS);
        stats.flush();
        clock.advance(Duration.ofMinutes(1));
        stats.ran("hello", false, false, MS);

        assertThat(stats.minutes("hello", noon, hourLater))
                .extracting(minute -> minute.tally().calls())
                .containsExactly(1L, 2L, 1L);
        assertThat(stats.minutes("hello", noon.plus(Duration.ofMinutes(1)), noon.plus(Duration.ofMinutes(2))))
                .extracting(minute -> minute.tally().calls())
                .containsExactly(2L);
        assertThat(stats.totals(noon.plus(Duration.ofMinutes(1)), hourLater)
                        .get("hello")
                        .calls())
                .isEqualTo(3);
    }

    @Test
    void aRefusedCallIsAnErrorWithoutALatency() {
        stats.refused("hello");

        Tally tally = stats.totals(noon, hourLater).get("hello");
        assertThat(tally.calls()).isEqualTo(1);
        assertThat(tally.errors()).isEqualTo(1);
        assertThat(tally.latency().total()).isZero();
        assertThat(tally.latency().percentile(0.5)).isNull();
    }

    @Test
    void whileTheStoreFailsTheCallsStayInMemoryAndAreWrittenLater() {
        stats.ran("hello", false, false, MS);
        store.failing = true;
        stats.flush();
        stats.ran("hello", false, false, MS);

        store.failing = false;
        assertThat(stats.totals(noon, hourLater).get("hello").calls()).isEqualTo(2);
        stats.flush();
        assertThat(store.storedCalls("hello")).isEqualTo(2);
        assertThat(stats.totals(noon, hourLater).get("hello").calls()).isEqualTo(2);
    }

    @Test
    void callsOlderThanTheRetentionAreDroppedWhileTheStoreFails() {
        stats.ran("hello", false, false, MS);
        store.failing = true;
        stats.flush();
        clock.advance(CallStats.RETENTION.plus(Duration.ofMinutes(5)));
        stats.ran("hello", false, false, MS);
        stats.flush();

        store.failing = false;
        stats.flush();
        assertThat(store.storedCalls("hello")).isEqualTo(1);
    }

    @Test
    void oldMinutesAreDeletedOnceAnHour() {
        stats.flush();
        clock.advance(Duration.ofMinutes(59));
        stats.flush();
        assertThat(store.deletedBefore).containsExactly(noon.minus(CallStats.RETENTION));
        clock.advance(Duration.ofMinutes(1));
        stats.flush();
        assertThat(store.deletedBefore)
                .containsExactly(noon.minus(CallStats.RETENTION), hourLater.minus(CallStats.RETENTION));
    }

    @Test
    void aFlushWithNothingGatheredWritesNothing() {
        stats.flush();
        assertThat(store.adds).isZero();
    }

    @Test
    void noCallIsLostOrCountedTwiceWhileFlushesRunAlongside() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                callers.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        stats.ran("hello", i % 10 == 0, false, i * 1000L);
                    }
                }));
            }
            Future<?> flusher = threads.submit(() -> {
                while (callers.stream().anyMatch(caller -> !caller.isDone())) {
                    stats.flush();
                    Map<String, Tally> totals = stats.totals(noon, hourLater);
                    assertThat(totals.getOrDefault("hello", new Tally()).calls())
                            .isLessThanOrEqualTo(60_000);
                }
            });
            for (Future<?> caller : callers) {
                caller.get();
            }
            flusher.get();
        } finally {
            threads.shutdownNow();
        }
        Tally total = stats.totals(noon, hourLater).get("hello");
        assertThat(total.calls()).isEqualTo(60_000);
        assertThat(total.errors()).isEqualTo(6_000);
        assertThat(total.latency().total()).isEqualTo(60_000);
        stats.flush();
        assertThat(store.storedCalls("hello")).isEqualTo(60_000);
    }
}
