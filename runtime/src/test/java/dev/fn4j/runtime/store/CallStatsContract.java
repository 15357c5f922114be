package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.it.TestDatabase;
import dev.fn4j.runtime.stats.AsyncCounts;
import dev.fn4j.runtime.stats.CallStats;
import dev.fn4j.runtime.stats.MinuteCount;
import dev.fn4j.runtime.stats.Tally;
import dev.fn4j.runtime.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-minute call statistics on a real database, run against H2 and PostgreSQL by the
 * subclasses: adding is additive (two runtimes on one database add up), ranges, totals by
 * function, retention, and the backlog and dead-letter counts.
 */
abstract class CallStatsContract {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final long MS = 1_000_000;

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private CallStatsTable table;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(kind());
        database = Database.open(testDatabase.settings(dataDir));
        table = new CallStatsTable(database);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    private static MinuteCount count(String function, int minutesAfterT0, long calls, long errors, long... millis) {
        Tally tally = new Tally(calls, errors, 1);
        for (long ms : millis) {
            tally.latency().record(ms * MS);
        }
        return new MinuteCount(function, T0.plus(Duration.ofMinutes(minutesAfterT0)), tally);
    }

    @Test
    void addingToAStoredMinuteAddsItsCountsAndItsHistogram() {
        table.add(List.of(count("f", 0, 2, 1, 1, 100)));
        table.add(List.of(count("f", 0, 3, 0, 1, 1, 1)));

        List<MinuteCount> minutes = table.minutes("f", T0, T0.plus(Duration.ofHours(1)));
        assertThat(minutes).hasSize(1);
        Tally tally = minutes.get(0).tally();
        assertThat(minutes.get(0).minute()).isEqualTo(T0);
        assertThat(tally.calls()).isEqualTo(5);
        assertThat(tally.errors()).isEqualTo(1);
        assertThat(tally.coldStarts()).isEqualTo(2);
        assertThat(tally.latency().total()).isEqualTo(5);
        // 1 ms falls in [0.896, 1.024) ms.
        assertThat(tally.latency().percentile(0.5)).isEqualTo(0.96);
        assertThat(tally.latency().percentile(1.0)).isGreaterThan(90.0);
    }

    @Test
    void minutesAreReadFromTheStartInclusiveToTheEndExclusiveOldestFirst() {
        table.add(List.of(count("f", 2, 2, 0), count("f", 0, 1, 0), count("f", 1, 4, 0), count("g", 1, 9, 0)));

        assertThat(table.minutes("f", T0, T0.plus(Duration.ofMinutes(2))))
                .extracting(minute -> minute.tally().calls())
                .containsExactly(1L, 4L);
        assertThat(table.minutes("f", T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofHours(1))))
                .extracting(MinuteCount::minute)
                .containsExactly(T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void totalsAddUpEachFunctionsMinutesInTheRange() {
        table.add(
                List.of(count("f", 0, 1, 1, 2), count("f", 1, 2, 0, 4, 4), count("g", 1, 7, 0), count("g", 9, 100, 0)));

        Map<String, Tally> totals = table.totals(T0, T0.plus(Duration.ofMinutes(5)));
        assertThat(totals).containsOnlyKeys("f", "g");
        assertThat(totals.get("f").calls()).isEqualTo(3);
        assertThat(totals.get("f").errors()).isEqualTo(1);
        assertThat(totals.get("f").coldStarts()).isEqualTo(2);
        assertThat(totals.get("f").latency().total()).isEqualTo(3);
        assertThat(totals.get("g").calls()).isEqualTo(7);
    }

    @Test
    void twoRuntimesOnOneDatabaseAddUp() {
        ManualClock clock = new ManualClock();
        CallStats first = new CallStats(new CallStatsTable(database), clock);
        CallStats second = new CallStats(new CallStatsTable(database), clock);
        first.ran("f", false, true, 2 * MS);
        second.ran("f", true, false, 3 * MS);
        second.refused("f");
        first.flush();
        second.flush();
        first.ran("f", false, false, 2 * MS);

        Tally seenByFirst = first.totals(T0, T0.plus(Duration.ofHours(1))).get("f");
        assertThat(seenByFirst.calls()).isEqualTo(4);
        assertThat(seenByFirst.errors()).isEqualTo(2);
        assertThat(seenByFirst.coldStarts()).isEqualTo(1);
        assertThat(seenByFirst.latency().total()).isEqualTo(3);
        assertThat(second.totals(T0, T0.plus(Duration.ofHours(1))).get("f").calls())
                .isEqualTo(3);
    }

    @Test
    void deletingOldMinutesKeepsTheRecentOnes() {
        table.add(List.of(count("f", 0, 1, 0, 5), count("f", 1, 2, 0, 5), count("f", 2, 3, 0, 5)));

        assertThat(table.deleteBefore(T0.plus(Duration.ofMinutes(2)))).isEqualTo(4);
        assertThat(table.minutes("f", T0, T0.plus(Duration.ofHours(1))))
                .extracting(minute -> minute.tally().calls())
                .containsExactly(3L);
    }

    @Test
    void theBacklogCountsQueuedAndRunningCallsAndTheDeadLettersApart() {
        QueueTable queue = new QueueTable(database);
        queue.enqueue(List.of(queued("a1", "f"), queued("a2", "f"), queued("a3", "f"), queued("b1", "g")));
        queue.claim("f", 1, 2, "me", T0, T0.plusSeconds(60));
        queue.end("a2", Outcome.failed(T0, new ApiException(ErrorCode.FUNCTION_ERROR, "boom"), null), true);

        Map<String, AsyncCounts.Pending> counts = new BacklogCounts(database).byFunction();

        assertThat(counts)
                .containsOnly(
                        Map.entry("f", new AsyncCounts.Pending(2, 1)), Map.entry("g", new AsyncCounts.Pending(1, 0)));
    }

    private static Invocation queued(String id, String function) {
        return Invocation.queued(id, function, 1, T0, "in".getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
