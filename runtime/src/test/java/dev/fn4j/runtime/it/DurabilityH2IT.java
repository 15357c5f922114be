package dev.fn4j.runtime.it;

/** Restarts and crashes with the embedded H2 store. */
class DurabilityH2IT extends DurabilityContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
