package dev.fn4j.runtime.it;

/** The 10,000-call burst with a kill -9 on PostgreSQL. */
class BacklogBurstPostgresIT extends BacklogBurstContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
