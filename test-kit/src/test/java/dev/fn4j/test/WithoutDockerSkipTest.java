package dev.fn4j.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution {@code without-docker}, whose DOCKER_HOST names no engine:
 * the class must be skipped, so its test, which fails, never runs.
 */
@FnContainerTest(handler = "dev.fn4j.test.fns.Shouter")
class WithoutDockerSkipTest {

    @Test
    void isSkippedNotFailed(FnSandbox sandbox) {
        fail("ran without a Docker engine: " + sandbox.functionName());
    }
}
