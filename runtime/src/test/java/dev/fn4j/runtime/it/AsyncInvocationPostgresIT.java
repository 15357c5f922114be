package dev.fn4j.runtime.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Asynchronous invocations and history with the PostgreSQL store. */
class AsyncInvocationPostgresIT extends AsyncInvocationContract {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension(TestDatabase.Kind.POSTGRESQL);

    @Override
    RuntimeExtension fixture() {
        return FIXTURE;
    }
}
