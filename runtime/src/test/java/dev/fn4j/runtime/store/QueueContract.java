package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationQueue;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.it.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable backlog on a real database, run against H2 and PostgreSQL by the subclasses:
 * claims oldest first, skipping rows another claimer has locked, leases, retries, attempts,
 * dead letters, and what a restart queues again.
 */
abstract class QueueContract {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00.123Z");

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private QueueTable queue;
    private InvocationTable invocations;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(kind());
        database = Database.open(testDatabase.settings(dataDir));
        queue = new QueueTable(database);
        invocations = new InvocationTable(database);
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

    private static Invocation call(String id, String function, int secondsAfterT0) {
        return Invocation.queued(
                id,
                function,
                1,
                T0.plusSeconds(secondsAfterT0),
                ("in-" + id).getBytes(StandardCharsets.UTF_8),
                "text/plain");
    }

    private List<String> ids(List<InvocationQueue.Claimed> claimed) {
        List<String> ids = new ArrayList<>();
        claimed.forEach(c -> ids.add(c.transition().invocation().id()));
        return ids;
    }

    private Outcome failure(Instant at) {
        return Outcome.failed(at, new ApiException(ErrorCode.FUNCTION_ERROR, "boom"), "a log line");
    }

    @Test
    void claimsTheFunctionsOldestQueuedCallsWithTheirInputAndLease() {
        queue.enqueue(List.of(call("c3", "f", 3), call("c1", "f", 1), call("g1", "g", 0), call("c2", "f", 2)));

        List<InvocationQueue.Claimed> claimed = queue.claim("f", 7, 2, "me", T0.plusSeconds(10), T0.plusSeconds(70));

        assertThat(ids(claimed)).containsExactly("c1", "c2");
        Invocation first = claimed.get(0).transition().invocation();
        assertThat(first.status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.revision()).isEqualTo(7);
        assertThat(new String(first.requestBody(), StandardCharsets.UTF_8)).isEqualTo("in-c1");
        assertThat(claimed.get(0).tries()).isEqualTo(1);
        assertThat(claimed.get(0).transition().event().seq()).isEqualTo(2);
        assertThat(ids(queue.claim("f", 7, 5, "me", T0.plusSeconds(10), T0.plusSeconds(70))))
                .containsExactly("c3");
        assertThat(queue.claim("f", 7, 5, "me", T0.plusSeconds(10), T0.plusSeconds(70)))
                .isEmpty();
        assertThat(queue.backlog()).isEqualTo(Map.of("f", 3, "g", 1));
        assertThat(leaseOf("c1")).isEqualTo("me " + T0.plusSeconds(70));
    }

    @Test
    void aClaimSkipsRowsAnotherTransactionHasLockedInsteadOfWaiting() throws Exception {
        queue.enqueue(List.of(call("c1", "f", 1), call("c2", "f", 2), call("c3", "f", 3)));
        try (Connection other = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM invocations WHERE id = 'c1' FOR UPDATE")) {
                lock.executeQuery().close();
            }

            List<InvocationQueue.Claimed> claimed =
                    queue.claim("f", 1, 2, "me", T0.plusSeconds(10), T0.plusSeconds(70));

            assertThat(ids(claimed)).as("c1 is being claimed elsewhere").containsExactly("c2", "c3");
            other.rollback();
        }
        assertThat(ids(queue.claim("f", 1, 2, "me", T0.plusSeconds(10), T0.plusSeconds(70))))
                .containsExactly("c1");
    }

    @Test
    void concurrentClaimersShareTheBacklogWithoutTakingAnyCallTwice() throws Exception {
        List<Invocation> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(call(String.format("c%03d", i), "f", i));
        }
        queue.enqueue(calls);
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String owner = "runtime-" + c;
                Callable<List<String>> claimer = () -> {
                    List<String> mine = new ArrayList<>();
                    List<InvocationQueue.Claimed> batch;
                    while (!(batch = queue.claim("f", 1, 7, owner, T0.plusSeconds(999), T0.plusSeconds(2000)))
                            .isEmpty()) {
                        mine.addAll(ids(batch));
                    }
                    return mine;
                };
                results.add(claimers.submit(claimer));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(200);
            assertThat(new HashSet<>(all)).hasSize(200);
        } finally {
            claimers.shutdownNow();
        }
    }

    @Test
    void aRetryWaitsOutItsBackoffAndEveryAttemptIsRecorded() {
        queue.enqueue(List.of(call("c1", "f", 0)));
        Instant claimedAt = T0.plusSeconds(1);
        queue.claim("f", 1, 1, "me", claimedAt, claimedAt.plusSeconds(60));

        Instant failedAt = T0.plusSeconds(2);
        queue.retryLater("c1", failure(failedAt), T0.plusSeconds(10));

        assertThat(invocations.find("c1").orElseThrow().status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(queue.claim("f", 1, 1, "me", T0.plusSeconds(9), T0.plusSeconds(70)))
                .as("not yet due")
                .isEmpty();
        List<InvocationQueue.Claimed> again = queue.claim("f", 1, 1, "me", T0.plusSeconds(10), T0.plusSeconds(70));
        assertThat(ids(again)).containsExactly("c1");
        assertThat(again.get(0).tries()).isEqualTo(2);
        queue.end("c1", failure(T0.plusSeconds(11)), true);

        Invocation dead = invocations.find("c1").orElseThrow();
        assertThat(dead.status()).isEqualTo(InvocationStatus.DEAD_LETTERED);
        assertThat(dead.errorCode()).isEqualTo("function_error");
        assertThat(queue.attempts("c1"))
                .containsExactly(
                        new Attempt(1, claimedAt, failedAt, "failed", "function_error", "boom"),
                        new Attempt(2, T0.plusSeconds(10), T0.plusSeconds(11), "failed", "function_error", "boom"));
        assertThat(invocations.events("c1"))
                .extracting(InvocationEvent::status)
                .containsExactly(
                        InvocationStatus.QUEUED,
                        InvocationStatus.RUNNING,
                        InvocationStatus.QUEUED,
                        InvocationStatus.RUNNING,
                        InvocationStatus.DEAD_LETTERED);
        assertThat(queue.backlog()).isEmpty();
    }

    @Test
    void deadLettersArePagedRedrivenWithAFreshBudgetAndPurged() {
        List<Invocation> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(call("d" + i, "f", i));
        }
        queue.enqueue(calls);
        for (InvocationQueue.Claimed claimed : queue.claim("f", 1, 5, "me", T0.plusSeconds(10), T0.plusSeconds(70))) {
            queue.end(claimed.transition().invocation().id(), failure(T0.plusSeconds(11)), true);
        }

        List<Invocation> page1 = queue.deadLetters("f", null, 2);
        List<Invocation> page2 = queue.deadLetters("f", page1.get(1).id(), 2);
        List<Invocation> page3 = queue.deadLetters("f", page2.get(1).id(), 2);
        assertThat(page1).extracting(Invocation::id).containsExactly("d0", "d1");
        assertThat(page2).extracting(Invocation::id).containsExactly("d2", "d3");
        assertThat(page3).extracting(Invocation::id).containsExactly("d4");
        assertThat(page1.get(0).requestBody()).isNull();

        assertThat(queue.redrive("d0", T0.plusSeconds(20))).isPresent();
        assertThat(queue.redrive("d0", T0.plusSeconds(20))).as("no longer dead").isEmpty();
        assertThat(queue.redriveAll("f", T0.plusSeconds(20))).hasSize(4);
        List<InvocationQueue.Claimed> rerun = queue.claim("f", 1, 1, "me", T0.plusSeconds(21), T0.plusSeconds(90));
        assertThat(ids(rerun)).containsExactly("d0");
        assertThat(rerun.get(0).tries()).as("a fresh retry budget").isEqualTo(1);
        assertThat(rerun.get(0).transition().invocation().attempts()).isEqualTo(2);
        assertThat(new String(rerun.get(0).transition().invocation().requestBody(), StandardCharsets.UTF_8))
                .as("the original input")
                .isEqualTo("in-d0");
        queue.end("d0", failure(T0.plusSeconds(22)), true);

        assertThat(queue.purgeDeadLetters("f")).isEqualTo(1);
        assertThat(invocations.find("d0")).isEmpty();
        assertThat(queue.deadLetters("f", null, 10)).isEmpty();
    }

    @Test
    void aRestartQueuesAgainOnlyWhatItsOwnerLeftRunningAndRecordsTheCutAttempt() {
        queue.enqueue(List.of(call("mine", "f", 0), call("theirs", "f", 1), call("waiting", "f", 2)));
        queue.claim("f", 1, 1, "me", T0.plusSeconds(5), T0.plusSeconds(65));
        queue.claim("f", 1, 1, "other", T0.plusSeconds(5), T0.plusSeconds(65));

        assertThat(queue.requeueRunning("me", T0.plusSeconds(30)))
                .extracting(t -> t.invocation().id())
                .containsExactly("mine");

        assertThat(invocations.find("mine").orElseThrow().status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(invocations.find("theirs").orElseThrow().status()).isEqualTo(InvocationStatus.RUNNING);
        assertThat(queue.attempts("mine"))
                .containsExactly(new Attempt(1, T0.plusSeconds(5), T0.plusSeconds(30), "interrupted", null, null));
        assertThat(ids(queue.claim("f", 1, 5, "me", T0.plusSeconds(31), T0.plusSeconds(90))))
                .containsExactly("mine", "waiting");
    }

    private String leaseOf(String id) {
        return database.read("reading a lease", c -> {
            try (PreparedStatement query =
                    c.prepareStatement("SELECT lease_owner, lease_until FROM invocations WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1) + " " + Database.getInstant(rows, "lease_until");
                }
            }
        });
    }
}
