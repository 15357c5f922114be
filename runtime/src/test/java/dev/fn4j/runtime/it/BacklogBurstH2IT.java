package dev.fn4j.runtime.it;

/** The 10,000-call burst with a kill -9 on the embedded H2 store. */
class BacklogBurstH2IT extends BacklogBurstContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
