package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.Scope;
import dev.fn4j.runtime.cluster.ChangeSink;
import dev.fn4j.runtime.cluster.Notice;
import dev.fn4j.runtime.invocation.Attempt;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.it.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several runtimes on one PostgreSQL database, at the store: the runtimes table and its
 * exactly-once takeover, and the change notices with their listener's reconnection.
 */
class ClusterPostgresIT {

    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00.123Z");
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** A deadline for a notice to arrive, never a measurement. */
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private RuntimeTable runtimes;
    private QueueTable queue;
    private NoticeListener listener;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    /** Puts what the listener hears into {@link #heard}: a notice's wire form, or "missed". */
    private final ChangeSink recording = new ChangeSink() {
        @Override
        public void changed(Notice notice) {
            heard.add(notice.wire());
        }

        @Override
        public void missed() {
            heard.add("missed");
        }
    };

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        database = Database.open(testDatabase.settings(dataDir));
        runtimes = new RuntimeTable(database);
        queue = new QueueTable(database);
    }

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    private Invocation call(String id) {
        return Invocation.queued(id, "f", 1, T0, ("in-" + id).getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    @Test
    void aRuntimeSilentPastTheLeaseIsTakenOverByExactlyOneOfTwoSurvivors() throws Exception {
        runtimes.register("dead", T0);
        queue.enqueue(List.of(call("c1"), call("c2")));
        queue.claim("f", 1, 1, "dead", T0, T0.plusSeconds(600));
        Instant now = T0.plus(LEASE).plusSeconds(1);
        runtimes.register("a", now);
        runtimes.register("b", now);
        assertThat(runtimes.silentSince("a", now.minus(LEASE))).containsExactly("dead");

        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<Optional<List<Transition>>>> attempts = new ArrayList<>();
        try {
            for (String survivor : List.of("a", "b")) {
                Callable<Optional<List<Transition>>> takeOver =
                        () -> runtimes.takeOver("dead", now.minus(LEASE), survivor, now);
                attempts.add(both.submit(takeOver));
            }
            List<List<Transition>> won = new ArrayList<>();
            for (Future<Optional<List<Transition>>> attempt : attempts) {
                attempt.get(WAIT_SECONDS, TimeUnit.SECONDS).ifPresent(won::add);
            }

            assertThat(won).hasSize(1);
            assertThat(won.get(0)).extracting(t -> t.invocation().id()).containsExactly("c1");
            assertThat(won.get(0).get(0).invocation().status()).isEqualTo(InvocationStatus.QUEUED);
        } finally {
            both.shutdownNow();
        }
        assertThat(queue.attempts("c1")).extracting(Attempt::outcome).containsExactly(Attempt.INTERRUPTED);
        assertThat(runtimes.silentSince("a", now.minus(LEASE))).isEmpty();
        assertThat(queue.claim("f", 1, 5, "a", now, now.plusSeconds(600)))
                .extracting(c -> c.transition().invocation().id())
                .containsExactly("c1", "c2");
    }

    @Test
    void aRuntimeThatStillBeatsIsNotTakenOver() {
        runtimes.register("alive", T0);
        assertThat(runtimes.beat("alive", T0.plusSeconds(10))).isTrue();

        assertThat(runtimes.takeOver("alive", T0.plusSeconds(5), "a", T0.plusSeconds(20)))
                .isEmpty();
        assertThat(runtimes.beat("gone", T0)).as("a runtime never registered").isFalse();
    }

    @Test
    void everyCommittedChangeOfAFunctionOrAKeyIsHeardAndAReconnectReReadsEverything() throws Exception {
        listener = NoticeListener.start(database, recording);
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("missed");

        KeyTable keys = new KeyTable(database);
        keys.insert(new ApiKey("0123456789ab", "ci", Scope.INVOKE, "0".repeat(64), T0, null, null));
        keys.delete("0123456789ab");
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("key 0123456789ab");
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("key 0123456789ab");

        int pid = listener.backendPid();
        try (Connection admin = database.dataSource().getConnection();
                PreparedStatement cut = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            cut.setInt(1, pid);
            cut.execute();
        }
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("after its connection was cut")
                .isEqualTo("missed");
        assertThat(listener.backendPid()).isNotEqualTo(pid);
    }

    @Test
    void aChangeRolledBackSendsNoNotice() throws Exception {
        listener = NoticeListener.start(database, recording);
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("missed");
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            ChangeNotices.send(database, connection, Notice.function("rolled-back"));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Connection connection = database.dataSource().getConnection()) {
            ChangeNotices.send(database, connection, Notice.function("committed"));
        }
        assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("function committed");
    }
}
