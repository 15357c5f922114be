package dev.fn4j.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user sees when something is wrong: the exact message each goal fails with. */
class FailuresIT {

    @RegisterExtension
    static final EndToEnd e2e = new EndToEnd();

    private static final String BOOM = """
            package com.example;

            import dev.fn4j.api.Context;
            import dev.fn4j.api.Handler;

            public class Boom implements Handler<String, String> {
                @Override
                public String handle(String input, Context context) {
                    throw new IllegalStateException("boom");
                }
            }
            """;

    /** A generated project with a second handler, which always throws. */
    private static Path oops;

    @BeforeAll
    static void generateAProjectWithAThrowingHandler() throws Exception {
        oops = e2e.generate("oops");
        Projects.write(Projects.mainClass(oops, "Boom"), BOOM);
    }

    @Test
    void aHandlerThatDoesNotExistFailsTheDeployBeforeAnyBuild() {
        e2e.mvn(oops, "wrong-handler", "fn:deploy", "-Dfn.handler=com.example.Nope")
                .assertFailedWith(failure(
                        "deploy",
                        "<handler> (-Dfn.handler) is 'com.example.Nope', but"
                                + " target/classes has no such handler. Handlers found: com.example.Boom,"
                                + " com.example.Hello. Set <handler> or -Dfn.handler to one of them."));
    }

    @Test
    void anUnreachableRuntimeFailsTheDeploy() {
        e2e.mvn(oops, "runtime-down", "fn:deploy", "-Dfn.handler=com.example.Hello", "-Dfn.url=http://127.0.0.1:1")
                .assertFailedWith(failure(
                        "deploy",
                        "Cannot reach the fn4j runtime at http://127.0.0.1:1"
                                + " (fn.url): Connection refused. Start it with java -jar fn4j-runtime.jar, or"
                                + " set <url> or -Dfn.url to where it runs."));
    }

    @Test
    void aFunctionThatThrowsFailsTheInvoke() {
        e2e.mvn(oops, "deploy-boom", "fn:deploy", "-Dfn.name=boom", "-Dfn.handler=com.example.Boom")
                .assertSucceeded();

        e2e.mvn(oops, "invoke-boom", "fn:invoke", "-Dfn.name=boom", "-Dfn.data=hi")
                .assertFailedWith(failure(
                        "invoke", "Function 'boom' failed: function_error: java.lang.IllegalStateException: boom"))
                .assertFailedWith("\tat com.example.Boom.handle(Boom.java:");
    }

    /** The line Maven prints when a goal fails on the project oops with the message. */
    private static String failure(String goal, String message) {
        return EndToEnd.goalFailure("oops", goal, message);
    }
}
