package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** The durable backlog on PostgreSQL, in a schema of its own per test. */
class QueuePostgresIT extends QueueContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
