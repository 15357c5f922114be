package dev.fn4j.runtime.it;

/** Restarts and crashes with the PostgreSQL store. */
class DurabilityPostgresIT extends DurabilityContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
