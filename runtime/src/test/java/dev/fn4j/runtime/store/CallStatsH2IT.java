package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** Per-minute call statistics on the embedded default, H2 in PostgreSQL mode. */
class CallStatsH2IT extends CallStatsContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
