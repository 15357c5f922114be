package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.Scope;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionRegistry;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.Revision;
import dev.fn4j.runtime.invocation.CallIds;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.InvocationEvent;
import dev.fn4j.runtime.invocation.InvocationStatus;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.invocation.Transition;
import dev.fn4j.runtime.it.TestDatabase;
import dev.fn4j.spec.RateLimit;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour on a real database, run against H2 and PostgreSQL by the subclasses:
 * migrations, function revisions, invocation transitions and events, recovery queries,
 * retention, API keys, and values that would break hand-built SQL.
 */
abstract class StoreContract {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00.123Z");
    private static final FunctionSpec SPEC = new FunctionSpec(
            "sha256:abc",
            "com.example.Hello",
            Duration.ofSeconds(30),
            256L * 1024 * 1024,
            1.0,
            1,
            Map.of("GREETING", "Hi"),
            new FunctionSpec.Scaling(1, 4, Duration.ofMinutes(10), 100),
            new RateLimit(5, 10),
            false);

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private FunctionTable functions;
    private InvocationTable invocations;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.create(kind());
        database = Database.open(testDatabase.settings(dataDir));
        functions = new FunctionTable(database);
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

    private Database reopen() {
        database.close();
        database = Database.open(testDatabase.settings(dataDir));
        functions = new FunctionTable(database);
        invocations = new InvocationTable(database);
        return database;
    }

    @Test
    void migratesOnceAndOpensAgainWithoutMigrating() {
        reopen();
        Integer applied = database.read("counting migrations", c -> {
            try (ResultSet rows =
                    c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(applied).isGreaterThanOrEqualTo(1);
        Integer afterReopen = reopen().read("counting again", c -> {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(afterReopen).isEqualTo(applied);
    }

    @Test
    void keepsEveryRevisionNewestFirstAndLoadsTheCurrentOne() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        FunctionRegistry registry = new FunctionRegistry(clock, functions);
        registry.put("hello", SPEC);
        FunctionSpec second = SPEC.resolved("sha256:def", "com.example.Hola");
        registry.put("hello", second);
        registry.put("other", SPEC);

        reopen();
        FunctionRegistry reloaded = new FunctionRegistry(clock, functions);
        assertThat(reloaded.list()).extracting(Function::name).containsExactly("hello", "other");
        Function hello = reloaded.get("hello").orElseThrow();
        assertThat(hello.revision()).isEqualTo(2);
        assertThat(hello.spec()).isEqualTo(second);
        assertThat(hello.createdAt()).isEqualTo(T0);
        assertThat(reloaded.revisions("hello"))
                .containsExactly(
                        new Revision(2, "sha256:def", "com.example.Hola", T0),
                        new Revision(1, "sha256:abc", "com.example.Hello", T0));

        FunctionRegistry.Deployed third = reloaded.put("hello", SPEC);
        assertThat(third.function().revision()).isEqualTo(3);
        assertThat(third.created()).isFalse();
    }

    @Test
    void deletingAFunctionDeletesItsHistoryAndANewOneStartsAtRevisionOne() {
        FunctionRegistry registry = new FunctionRegistry(Clock.systemUTC(), functions);
        registry.put("hello", SPEC);
        registry.put("hello", SPEC);
        assertThat(registry.remove("hello")).isPresent();
        assertThat(registry.remove("hello")).isEmpty();
        assertThat(functions.revisions("hello", 10)).isEmpty();
        assertThat(new FunctionRegistry(Clock.systemUTC(), functions).list()).isEmpty();
        assertThat(registry.put("hello", SPEC).function().revision()).isEqualTo(1);
    }

    @Test
    void anAsyncInvocationGoesThroughEveryStateWithOrderedEvents() {
        byte[] body = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(body);
        invocations.insertQueued(Invocation.queued("a1", "hello", 1, T0, body, "application/json"));

        Transition started = invocations.start("a1", 2, T0.plusSeconds(1));
        assertThat(started.invocation().requestBody()).isEqualTo(body);
        assertThat(started.invocation().attempts()).isEqualTo(1);
        assertThat(started.invocation().revision()).isEqualTo(2);
        assertThat(started.event().seq()).isEqualTo(2);

        byte[] result = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Transition done = invocations.finish(
                "a1",
                new Outcome(
                        InvocationStatus.SUCCEEDED,
                        T0.plusSeconds(3),
                        true,
                        result,
                        "application/json",
                        null,
                        null,
                        "line 1\nline 2\n"));
        assertThat(done.snapshot().status()).isEqualTo(InvocationStatus.SUCCEEDED);

        Invocation found = invocations.find("a1").orElseThrow();
        assertThat(found.requestBody()).as("not read back unless needed").isNull();
        assertThat(found.resultBody()).isEqualTo(result);
        assertThat(found.resultType()).isEqualTo("application/json");
        assertThat(found.coldStart()).isTrue();
        assertThat(found.queuedAt()).isEqualTo(T0);
        assertThat(found.durationMs()).isEqualTo(2000);
        assertThat(found.logs()).isEqualTo("line 1\nline 2\n");
        assertThat(invocations.events("a1"))
                .containsExactly(
                        new InvocationEvent(1, InvocationStatus.QUEUED, 0, T0),
                        new InvocationEvent(2, InvocationStatus.RUNNING, 1, T0.plusSeconds(1)),
                        new InvocationEvent(3, InvocationStatus.SUCCEEDED, 1, T0.plusSeconds(3)));
    }

    @Test
    void unfinishedWorkIsFoundOldestFirstAndARequeuedAttemptCountsAgain() {
        invocations.insertQueued(Invocation.queued("b2", "hello", 1, T0.plusSeconds(2), null, null));
        invocations.insertQueued(Invocation.queued("a1", "hello", 1, T0, new byte[] {1}, null));
        invocations.insertQueued(Invocation.queued("c3", "hello", 1, T0.plusSeconds(3), null, null));
        invocations.start("a1", 1, T0.plusSeconds(4));
        invocations.start("c3", 1, T0.plusSeconds(4));
        invocations.finish(
                "c3",
                new Outcome(
                        InvocationStatus.TIMED_OUT,
                        T0.plusSeconds(5),
                        null,
                        null,
                        null,
                        "function_timeout",
                        "slow",
                        null));

        reopen();
        assertThat(invocations.unfinished())
                .extracting(Invocation::id, Invocation::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", InvocationStatus.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("b2", InvocationStatus.QUEUED));
        invocations.requeue("a1", T0.plusSeconds(6));
        Transition again = invocations.start("a1", 1, T0.plusSeconds(7));
        assertThat(again.invocation().attempts()).isEqualTo(2);
        assertThat(again.invocation().requestBody()).containsExactly(1);
        assertThat(invocations.events("a1"))
                .extracting(InvocationEvent::status)
                .containsExactly(
                        InvocationStatus.QUEUED,
                        InvocationStatus.RUNNING,
                        InvocationStatus.QUEUED,
                        InvocationStatus.RUNNING);
    }

    @Test
    void recordsEndedSyncCallsInOneBatchWithoutEvents() {
        List<Invocation> batch = List.of(
                ended("s1", InvocationStatus.SUCCEEDED, null, null),
                ended("s2", InvocationStatus.FAILED, "function_error", "boom"),
                ended("s3", InvocationStatus.TIMED_OUT, "function_timeout", "slow"));
        invocations.insertEnded(batch);
        assertThat(invocations.find("s2").orElseThrow().errorMessage()).isEqualTo("boom");
        assertThat(invocations.find("s3").orElseThrow().status()).isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(invocations.events("s1")).isEmpty();
        assertThat(invocations.unfinished()).isEmpty();
    }

    @Test
    void aSyncCallKeepsTheMethodAndPathOfItsRequest() {
        Invocation call = Invocation.sync(
                "m1",
                "hello",
                1,
                T0,
                Outcome.succeeded(T0.plusMillis(5), false, null, null, null),
                "POST",
                "/fn/hello/greet");
        invocations.insertEnded(List.of(call, ended("m2", InvocationStatus.SUCCEEDED, null, null)));
        Invocation found = invocations.find("m1").orElseThrow();
        assertThat(found.method()).isEqualTo("POST");
        assertThat(found.path()).isEqualTo("/fn/hello/greet");
        assertThat(invocations.find("m2").orElseThrow().method()).isNull();
    }

    @Test
    void aFunctionsHistoryListsItsNewestInvocationsFirstWithoutBodies() {
        invocations.insertQueued(Invocation.queued("a1", "hello", 1, T0, new byte[] {1}, null));
        invocations.insertEnded(List.of(ended("s2", InvocationStatus.SUCCEEDED, null, null)));
        invocations.insertQueued(Invocation.queued("a3", "hello", 1, T0.plusSeconds(9), null, null));
        invocations.insertQueued(Invocation.queued("o1", "other", 1, T0.plusSeconds(5), null, null));
        invocations.start("a1", 1, T0);
        invocations.finish(
                "a1",
                new Outcome(
                        InvocationStatus.SUCCEEDED,
                        T0.plusSeconds(1),
                        false,
                        new byte[] {42},
                        "application/octet-stream",
                        null,
                        null,
                        null));

        List<Invocation> recent = invocations.recent("hello", 10);
        assertThat(recent).extracting(Invocation::id).containsExactly("a3", "s2", "a1");
        assertThat(recent.get(2).status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(recent.get(2).resultBody()).isNull();
        assertThat(recent.get(2).requestBody()).isNull();
        assertThat(invocations.recent("hello", 2)).extracting(Invocation::id).containsExactly("a3", "s2");
        assertThat(invocations.recent("nobody", 5)).isEmpty();
    }

    @Test
    void anEndedSyncCallIsRecordedOnAPageAloneAndFoundById() {
        invocations.insertEnded(List.of(ended("l1", InvocationStatus.SUCCEEDED, null, null)));

        assertThat(count("SELECT COUNT(*) FROM sync_call_pages")).isEqualTo(1);
        assertThat(rowsWithId("invocations", "l1")).isZero();
        Invocation found = invocations.find("l1").orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(ended("l1", InvocationStatus.SUCCEEDED, null, null));
    }

    @Test
    void aBatchIsOnePagePerFunctionAndSecondOfItsIdsAndEachCallIsFoundById() {
        String second1 = CallIds.newId(T0.toEpochMilli());
        String second1b = CallIds.newId(T0.plusMillis(300).toEpochMilli());
        String second2 = CallIds.newId(T0.plusSeconds(1).toEpochMilli());
        List<Invocation> batch = List.of(
                ended(second1, "hello", T0),
                ended(second1b, "hello", T0.plusMillis(300)),
                ended(second2, "hello", T0.plusSeconds(1)),
                ended(CallIds.newId(T0.toEpochMilli()), "other", T0));

        invocations.insertEnded(batch);

        assertThat(count("SELECT COUNT(*) FROM sync_call_pages")).isEqualTo(3);
        for (Invocation call : batch) {
            assertThat(invocations.find(call.id()))
                    .get()
                    .usingRecursiveComparison()
                    .isEqualTo(call);
        }
        assertThat(invocations.find(CallIds.newId(T0.toEpochMilli()))).isEmpty();
    }

    @Test
    void aFunctionsHistoryAcrossManyPagesIsNewestFirstAndCutAtTheLimit() {
        List<Invocation> all = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<Invocation> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // Batches overlap in time, as calls of different lengths end in later batches.
                Instant start = T0.plusMillis(batch * 700L + i * 37L);
                calls.add(ended(CallIds.newId(start.toEpochMilli()), "hello", start));
            }
            invocations.insertEnded(calls);
            all.addAll(calls);
        }
        all.sort(Comparator.comparing(Invocation::queuedAt)
                .thenComparing(Invocation::id)
                .reversed());

        assertThat(invocations.recent("hello", 7))
                .extracting(Invocation::id)
                .containsExactlyElementsOf(
                        all.stream().limit(7).map(Invocation::id).toList());
        assertThat(invocations.recent("hello", 1000)).hasSize(150);
    }

    @Test
    void aPageHoldsAtMostItsLimitOfCalls() {
        List<Invocation> calls = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            calls.add(ended(CallIds.newId(T0.toEpochMilli()), "hello", T0));
        }

        invocations.insertEnded(calls);

        assertThat(count("SELECT COUNT(*) FROM sync_call_pages")).isEqualTo(2);
        assertThat(invocations.find(calls.get(500).id())).isPresent();
    }

    @Test
    void syncCallsAnOlderRuntimeWroteOneToARowAreStillFoundListedAndExpired() {
        database.write("a call recorded one to a row by a runtime of schema 17.2", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sync_calls (id, function_name, revision,"
                    + " status, started_at, ended_at) VALUES ('r1', 'hello', 1, 'succeeded', ?, ?)")) {
                Database.setInstant(insert, 1, T0);
                Database.setInstant(insert, 2, T0.plusMillis(42));
                insert.executeUpdate();
            }
            return null;
        });
        invocations.insertEnded(List.of(ended("r2", InvocationStatus.SUCCEEDED, null, null)));

        assertThat(invocations.find("r1").orElseThrow().status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(invocations.recent("hello", 10)).extracting(Invocation::id).containsExactlyInAnyOrder("r1", "r2");
        assertThat(invocations.deleteEndedBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(invocations.recent("hello", 10)).isEmpty();
    }

    private int count(String sql) {
        return database.read("counting", c -> {
            try (PreparedStatement query = c.prepareStatement(sql);
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static Invocation ended(String id, String function, Instant start) {
        return Invocation.sync(
                id,
                function,
                1,
                start,
                Outcome.succeeded(start.plusMillis(3), true, null, "text/plain", null),
                "POST",
                "/fn/" + function);
    }

    @Test
    void anEndedRecordThatIsNoPlainSyncCallKeepsEveryFieldInInvocations() {
        Invocation odd = new Invocation(
                "x1",
                "hello",
                1,
                false,
                InvocationStatus.FAILED,
                2,
                T0,
                T0.plusSeconds(1),
                T0.plusSeconds(2),
                null,
                null,
                "text/plain",
                null,
                null,
                "function_error",
                "boom",
                null,
                null,
                null);
        invocations.insertEnded(List.of(odd, ended("x2", InvocationStatus.SUCCEEDED, null, null)));

        assertThat(rowsWithId("invocations", "x1")).isEqualTo(1);
        assertThat(invocations.find("x1").orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(odd);
        assertThat(invocations.find("x2")).isPresent();
    }

    @Test
    void syncCallsRecordedBeforeTheLighterTableAreStillListedFoundAndExpired() {
        Invocation before = ended("p1", InvocationStatus.SUCCEEDED, null, null);
        database.write("a call recorded by an older runtime", c -> {
            InvocationTable.insert(c, List.of(before));
            return null;
        });
        invocations.insertEnded(List.of(ended("p2", InvocationStatus.FAILED, "function_error", "x")));

        assertThat(invocations.find("p1")).isPresent();
        assertThat(invocations.recent("hello", 10)).extracting(Invocation::id).containsExactly("p2", "p1");
        assertThat(invocations.deleteEndedBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(invocations.recent("hello", 10)).isEmpty();
    }

    private int rowsWithId(String table, String id) {
        return database.read("counting " + id, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Test
    void retentionDeletesOnlyInvocationsThatEndedBeforeTheCutoff() {
        invocations.insertEnded(List.of(ended("old", InvocationStatus.SUCCEEDED, null, null)));
        invocations.insertQueued(Invocation.queued("q1", "hello", 1, T0.minusSeconds(3600), null, null));
        invocations.insertQueued(Invocation.queued("f1", "hello", 1, T0, null, null));
        invocations.start("f1", 1, T0);
        invocations.finish(
                "f1",
                new Outcome(
                        InvocationStatus.FAILED, T0.plusSeconds(100), null, null, null, "function_error", "x", null));

        assertThat(invocations.deleteEndedBefore(T0.plusSeconds(50))).isEqualTo(1);
        assertThat(invocations.find("old")).isEmpty();
        assertThat(invocations.find("q1")).as("queued work is never expired").isPresent();
        assertThat(invocations.find("f1")).isPresent();
        assertThat(invocations.deleteEndedBefore(T0.plusSeconds(200))).isEqualTo(1);
        assertThat(invocations.events("f1")).isEmpty();
        assertThat(invocations.find("q1")).isPresent();
    }

    @Test
    void hostileTextIsStoredVerbatimAndLeavesTheSchemaIntact() {
        String hostile = "1';DROP TABLE invocations;-- \u0000\u2603 ../etc/passwd";
        invocations.insertEnded(List.of(ended("h1", InvocationStatus.FAILED, "function_error", hostile)));
        assertThat(invocations.find("h1").orElseThrow().errorMessage())
                .as("NUL, which PostgreSQL text cannot hold, is replaced")
                .isEqualTo(hostile.replace('\u0000', '\uFFFD'));
        assertThat(invocations.find("1';DROP TABLE invocations;--")).isEmpty();
        assertThat(invocations.events("' OR '1'='1")).isEmpty();
        assertThat(invocations.find("h1")).isPresent();
    }

    @Test
    void aDuplicateIdIsRefusedWithAStoreError() {
        invocations.insertQueued(Invocation.queued("d1", "hello", 1, T0, null, null));
        assertThatThrownBy(() -> invocations.insertQueued(Invocation.queued("d1", "hello", 1, T0, null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("d1");
    }

    @Test
    void apiKeysKeepTheirExpiryAndOnlyUnexpiredOnesCountAsUsable() {
        ApiKey lasting = new ApiKey("0123456789ab", "lasting", Scope.ADMIN, "a".repeat(64), T0, null, null);
        ApiKey brief = new ApiKey("ba9876543210", "brief", Scope.ADMIN, "b".repeat(64), T0, T0.plusSeconds(3600), null);
        new KeyTable(database).insert(lasting);
        new KeyTable(database).insert(brief);

        KeyTable keys = new KeyTable(reopen());
        assertThat(keys.list()).containsExactly(lasting, brief);
        assertThat(keys.find("ba9876543210")).contains(brief);
        assertThat(keys.count(Scope.ADMIN)).isEqualTo(2);
        assertThat(keys.countUsable(Scope.ADMIN, T0.plusSeconds(3599))).isEqualTo(2);
        assertThat(keys.countUsable(Scope.ADMIN, T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(keys.countUsable(Scope.INVOKE, T0)).isZero();
    }

    @Test
    void touchingAnApiKeyKeepsItsNewestUse() {
        KeyTable keys = new KeyTable(database);
        keys.insert(new ApiKey("0123456789ab", "ci", Scope.INVOKE, "a".repeat(64), T0, null, null));
        keys.touch("0123456789ab", T0.plusSeconds(120));
        keys.touch("0123456789ab", T0.plusSeconds(60));
        keys.touch("ffffffffffff", T0);

        assertThat(new KeyTable(reopen()).list())
                .singleElement()
                .extracting(ApiKey::lastUsedAt)
                .isEqualTo(T0.plusSeconds(120));
    }

    private static Invocation ended(String id, InvocationStatus status, String code, String message) {
        return new Invocation(
                id,
                "hello",
                1,
                false,
                status,
                1,
                T0,
                T0,
                T0.plusMillis(42),
                status == InvocationStatus.SUCCEEDED ? Boolean.FALSE : null,
                null,
                null,
                null,
                status == InvocationStatus.SUCCEEDED ? "application/json" : null,
                code,
                message,
                null);
    }
}
