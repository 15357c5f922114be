package dev.fn4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three commands of README, then a change and a redeploy: archetype, deploy, invoke. One
 * test, since each step builds on the one before; its steps are methods named for what they show.
 */
class HelloFunctionIT {

    @RegisterExtension
    static final EndToEnd e2e = new EndToEnd();

    private static final String ADA = "{\"name\":\"Ada\"}";

    private Path hello;

    @Test
    void generatesDeploysInvokesAndRedeploysTheReadmeFunction() throws Exception {
        generatesAProjectFromTheArchetype();
        deploysTheGeneratedFunctionAndInvokesIt();
        redeploysAChangedHandlerAsRevisionTwo();
    }

    private void generatesAProjectFromTheArchetype() {
        hello = e2e.generate("hello");

        assertThat(hello.resolve("pom.xml")).isRegularFile();
        assertThat(Projects.mainClass(hello, "Hello")).isRegularFile();
    }

    private void deploysTheGeneratedFunctionAndInvokesIt() throws Exception {
        Mvn.Result deploy = e2e.mvn(hello, "deploy", "package", "fn:deploy").assertSucceeded();
        HttpResponse<String> first = timeToFirstAnswer("first deploy", deploy);

        assertThat(deploy.output())
                .contains("[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0")
                .containsPattern(deployed("hello", 1, " (new function)"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Hello, Ada!");
        assertThat(invoke()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
    }

    private void redeploysAChangedHandlerAsRevisionTwo() throws Exception {
        Projects.replace(Projects.mainClass(hello, "Hello"), "\"Hello, \"", "\"Hi, \"");
        Projects.replace(Projects.testClass(hello, "HelloTest"), "Hello, ", "Hi, ");

        Mvn.Result deploy = e2e.mvn(hello, "redeploy", "package", "fn:deploy").assertSucceeded();
        HttpResponse<String> first = timeToFirstAnswer("redeploy (one-line change)", deploy);

        assertThat(deploy.output())
                .containsPattern(deployed("hello", 2, ""))
                .as("only the classes layer is uploaded again; the JRE and host layers are reused")
                .containsPattern("Uploaded image\\.tar \\([0-9.]+ (bytes|KB) of [0-9.]+ MB: 2 of 3"
                        + " layers were already on the runtime\\)");
        assertThat(first.body()).contains("Hi, Ada!");
        assertThat(invoke()).isEqualTo("{\"message\":\"Hi, Ada!\"}");
    }

    /** {@code mvn -q fn:invoke -Dfn.data={"name":"Ada"}}: all it prints is the answer. */
    private String invoke() {
        Mvn.Result invoke =
                e2e.mvn(hello, "invoke", "-q", "fn:invoke", "-Dfn.data=" + ADA).assertSucceeded();
        assertThat(invoke.stdout())
                .as(invoke.describe("printed more than the answer"))
                .hasSize(1);
        return invoke.stdout().get(0);
    }

    /** Calls /fn/hello over HTTP right after the deploy, and records the deploy's timings. */
    private HttpResponse<String> timeToFirstAnswer(String what, Mvn.Result deploy) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = e2e.post("/fn/hello", ADA);
        Duration toFirstAnswer = Duration.ofNanos(System.nanoTime() - start);
        Matcher goal =
                Pattern.compile("\\[INFO\\] Deployed 1 function in (.+)\\.\n").matcher(deploy.output());
        Timings.record(what + ": mvn package fn:deploy, wall time", deploy.took());
        Timings.record(what + ": fn:deploy goal, as it reports", goal.find() ? goal.group(1) : "?");
        Timings.record(what + ": deploy's end to first answer", toFirstAnswer);
        return answer;
    }

    /** The line fn:deploy prints for a deployed function: its revision and URL. */
    private static Pattern deployed(String name, int revision, String note) {
        return Pattern.compile(Pattern.quote("[INFO] Deployed " + name + " revision " + revision + note + " in ")
                + "[^:\n]+: " + Pattern.quote(e2e.url() + "/fn/" + name) + "\n");
    }
}
