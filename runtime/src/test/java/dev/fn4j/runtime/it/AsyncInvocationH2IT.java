package dev.fn4j.runtime.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Asynchronous invocations and history with the embedded H2 store. */
class AsyncInvocationH2IT extends AsyncInvocationContract {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension(TestDatabase.Kind.H2);

    @Override
    RuntimeExtension fixture() {
        return FIXTURE;
    }
}
