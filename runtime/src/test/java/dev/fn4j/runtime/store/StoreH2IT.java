package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** The store on the embedded default: an H2 file database in PostgreSQL mode. */
class StoreH2IT extends StoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
