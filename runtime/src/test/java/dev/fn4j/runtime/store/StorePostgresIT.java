package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** The store on PostgreSQL, in a schema of its own per test. */
class StorePostgresIT extends StoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
