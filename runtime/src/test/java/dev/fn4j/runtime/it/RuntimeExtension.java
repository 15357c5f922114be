package dev.fn4j.runtime.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime for all tests of a class, with the test functions' image uploaded: started before
 * the first test, stopped (and checked for leftover containers) after the last. Its state is in
 * H2 under its data directory unless the class asks for PostgreSQL (a schema of its own).
 */
final class RuntimeExtension implements BeforeAllCallback, AfterAllCallback {

    private final TestDatabase.Kind databaseKind;
    private final String[] args;
    private TestDatabase database;
    private RuntimeFixture runtime;
    private String image;

    RuntimeExtension(String... args) {
        this(TestDatabase.Kind.H2, args);
    }

    RuntimeExtension(TestDatabase.Kind databaseKind, String... args) {
        this.databaseKind = databaseKind;
        this.args = args.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = TestDatabase.create(databaseKind);
        runtime = RuntimeFixture.start(database, args);
        image = runtime.uploadTestImage();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    TestDatabase database() {
        return database;
    }

    RuntimeFixture runtime() {
        return runtime;
    }

    /** The id of the uploaded test functions' image. */
    String image() {
        return image;
    }
}
