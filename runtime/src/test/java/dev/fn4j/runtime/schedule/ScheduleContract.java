package dev.fn4j.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.it.TestDatabase;
import dev.fn4j.runtime.store.Database;
import dev.fn4j.runtime.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules on a real database with a manual clock, run against H2 and PostgreSQL by the
 * subclasses: each tick starts once across runtimes sharing the store and across restarts, missed
 * ticks follow the policy, and a claim left unsubmitted is submitted at the next start.
 */
abstract class ScheduleContract {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private final ManualClock clock = new ManualClock();
    /** Every submission, from every scheduler: "function id". */
    private final List<String> submitted = Collections.synchronizedList(new ArrayList<>());

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(kind());
        database = Database.open(testDatabase.settings(dataDir));
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

    private Scheduler scheduler(String runtimeId, List<Function> functions, Scheduler.Submitter submitter) {
        return new Scheduler(
                () -> functions,
                new ScheduleTable(database),
                submitter,
                id -> submitted.stream().anyMatch(s -> s.endsWith(" " + id)),
                runtimeId,
                clock,
                GRACE);
    }

    private Scheduler scheduler(String runtimeId, List<Function> functions) {
        return scheduler(
                runtimeId, functions, (client, function, id, body, type) -> submitted.add(function + " " + id));
    }

    private Function everySecond(String missed) {
        return Schedules.function("ticker", "* * * * * ?", missed, clock.instant());
    }

    @Test
    void eachTickStartsOnceWhenTwoRuntimesShareTheStore() throws Exception {
        List<Function> functions = List.of(everySecond("run-once"));
        Scheduler a = scheduler("runtime-a", functions);
        Scheduler b = scheduler("runtime-b", functions);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int second = 0; second < 5; second++) {
                clock.advance(Duration.ofSeconds(1));
                CountDownLatch go = new CountDownLatch(1);
                Future<?> first = both.submit(() -> {
                    go.await();
                    a.runDue();
                    return null;
                });
                Future<?> second_ = both.submit(() -> {
                    go.await();
                    b.runDue();
                    return null;
                });
                go.countDown();
                first.get();
                second_.get();
            }
        } finally {
            both.shutdownNow();
        }
        assertThat(submitted).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aRestartedRuntimeDoesNotStartATickAgain() {
        List<Function> functions = List.of(everySecond("run-once"));
        clock.advance(Duration.ofSeconds(1));
        scheduler("runtime-a", functions).runDue();
        assertThat(submitted).hasSize(1);

        Scheduler restarted = scheduler("runtime-a", functions);
        restarted.resume();
        restarted.runDue();
        assertThat(submitted).hasSize(1);
    }

    @Test
    void ticksMissedWhileDownRunOnceForAllWithRunOnce() {
        List<Function> functions = List.of(everySecond("run-once"));
        clock.advance(Duration.ofSeconds(1));
        scheduler("runtime-a", functions).runDue();
        clock.advance(Duration.ofHours(1)); // down for an hour: 3600 ticks

        scheduler("runtime-a", functions).runDue();

        // The first tick, then one for every missed tick, then the 11 within the grace period.
        assertThat(submitted).hasSize(1 + 1 + 11);
    }

    @Test
    void ticksMissedWhileDownAreDroppedWithSkipAndLaterTicksRun() {
        List<Function> functions = List.of(everySecond("skip"));
        clock.advance(Duration.ofSeconds(1));
        scheduler("runtime-a", functions).runDue();
        clock.advance(Duration.ofHours(1));

        Scheduler restarted = scheduler("runtime-a", functions);
        restarted.runDue();
        assertThat(submitted).hasSize(1 + 11);
        clock.advance(Duration.ofSeconds(1));
        restarted.runDue();
        assertThat(submitted).hasSize(1 + 11 + 1);
        restarted.runDue();
        assertThat(submitted).hasSize(1 + 11 + 1);
    }

    @Test
    void aTickClaimedButNotSubmittedIsSubmittedAtTheNextStartWithItsId() {
        List<Function> functions = List.of(everySecond("run-once"));
        clock.advance(Duration.ofSeconds(1));
        List<String> lost = new ArrayList<>();
        scheduler("runtime-a", functions, (client, function, id, body, type) -> {
                    lost.add(id);
                    throw new IllegalStateException("the runtime died here");
                })
                .runDue();
        assertThat(lost).hasSize(1);
        assertThat(submitted).isEmpty();

        Scheduler restarted = scheduler("runtime-a", functions);
        assertThat(restarted.resume()).isEqualTo(1);
        assertThat(submitted).containsExactly("ticker " + lost.get(0));
        assertThat(restarted.scheduledFor(lost.get(0))).contains(clock.instant());
        restarted.runDue();
        assertThat(submitted).hasSize(1);
        assertThat(scheduler("runtime-a", functions).resume()).isZero();
    }

    @Test
    void aTickAdmissionRefusesIsRecordedAndNotTriedAgain() {
        List<Function> functions = List.of(everySecond("run-once"));
        clock.advance(Duration.ofSeconds(1));
        Scheduler refusing = scheduler("runtime-a", functions, (client, function, id, body, type) -> {
            throw new ApiException(ErrorCode.QUEUE_FULL, "function 'ticker' has 110 asynchronous calls");
        });
        refusing.runDue();
        ScheduleTable table = new ScheduleTable(database);
        Instant tick = clock.instant();
        ScheduleTable.Claim claim =
                table.unsubmitted("runtime-a").stream().findFirst().orElse(null);
        assertThat(claim).isNull();
        assertThat(scheduler("runtime-a", functions).resume()).isZero();
        assertThat(table.lastTick("ticker")).contains(tick);
    }

    @Test
    void aScheduledInvocationSaysWhichTickStartedIt() {
        List<Function> functions = List.of(everySecond("run-once"));
        clock.advance(Duration.ofSeconds(1));
        Scheduler scheduler = scheduler("runtime-a", functions);
        scheduler.runDue();
        String id = submitted.get(0).split(" ")[1];
        assertThat(scheduler.scheduledFor(id)).contains(clock.instant());
        assertThat(scheduler.scheduledFor("00ff")).isEmpty();
    }

    @Test
    void ticksBeforeTheFunctionWasDeployedAreNotOwed() {
        Function deployedLater = Schedules.function(
                "ticker", "* * * * * ?", "run-once", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        scheduler("runtime-a", List.of(deployedLater)).runDue();
        assertThat(submitted).hasSize(1);
    }

    @Test
    void oldClaimsAreForgottenButEachFunctionsLatestIsKept() {
        List<Function> functions = List.of(everySecond("run-once"));
        Scheduler scheduler = scheduler("runtime-a", functions);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            scheduler.runDue();
        }
        clock.advance(Duration.ofHours(2));
        assertThat(scheduler.forgetBefore(Duration.ofHours(1))).isEqualTo(2);
        assertThat(new ScheduleTable(database).lastTick("ticker")).isPresent();
    }
}
