package dev.fn4j.runtime.store;

import dev.fn4j.runtime.it.TestDatabase;

/** The durable backlog on the embedded default, H2. */
class QueueH2IT extends QueueContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
