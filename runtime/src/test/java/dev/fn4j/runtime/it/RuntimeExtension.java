package dev.fn4j.runtime.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime for all tests of a class, with the test functions' image uploaded: started before
 * the first test, stopped (and checked for leftover containers) after the last.
 */
final class RuntimeExtension implements BeforeAllCallback, AfterAllCallback {

    private final String[] args;
    private RuntimeFixture runtime;
    private String image;

    RuntimeExtension(String... args) {
        this.args = args.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        runtime = RuntimeFixture.start(args);
        image = runtime.uploadTestImage();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        runtime.close();
    }

    RuntimeFixture runtime() {
        return runtime;
    }

    /** The id of the uploaded test functions' image. */
    String image() {
        return image;
    }
}
