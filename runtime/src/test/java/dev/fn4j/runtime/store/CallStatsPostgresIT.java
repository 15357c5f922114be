package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** Per-minute call statistics on PostgreSQL, in a schema of its own per test. */
class CallStatsPostgresIT extends CallStatsContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
