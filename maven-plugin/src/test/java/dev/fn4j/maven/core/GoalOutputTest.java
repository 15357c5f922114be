package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.client.InvocationResponse;
import dev.fn4j.image.BuiltImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalOutputTest {

    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final GoalOutput output = new GoalOutput(log, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void printWritesTheBytesAloneAndEndsTheLine() throws Exception {
        output.print("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "the answer");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void printAddsNothingToAnEmptyAnswerOrOneEndingInALineBreak() throws Exception {
        output.print(new byte[0], "the answer");
        output.print("x\n".getBytes(StandardCharsets.UTF_8), "the answer");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("x\n");
    }

    @Test
    void printFailsNamingWhatItCouldNotWrite() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("closed");
            }
        });
        GoalOutput output = new GoalOutput(log, broken);

        assertThatThrownBy(() -> output.print(new byte[] {1}, "the new API key"))
                .isInstanceOf(FnExecutionException.class)
                .hasMessage("Cannot write the new API key to standard output.");
    }

    @Test
    void builtSaysWhereTheArchiveIsRelativeToTheProject() {
        Path base = Path.of("/work/project");
        BuildInputs inputs = new BuildInputs(
                base,
                base.resolve("target/classes"),
                Map.of(),
                Path.of("/host.jar"),
                "base",
                null,
                null,
                "fn4j/p:1",
                base.resolve("target/fn/image.tar"),
                Map.of());
        BuiltImage image = new BuiltImage("fn4j/p:1", "sha256:d", "sha256:i", base.resolve("target/fn/image.tar"));

        output.built(new BuildResult(image, List.of(), Duration.ofMillis(850)), inputs);

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Built image fn4j/p:1 in 850 ms",
                        "[INFO]   digest:   sha256:d",
                        "[INFO]   image id: sha256:i",
                        "[INFO]   archive:  " + Path.of("target/fn/image.tar"));
    }

    @Test
    void deployedNamesEachFunctionThenTheTotal() {
        output.deployed(
                List.of(new DeployedFunction(
                        "hello",
                        "com.example.Hello",
                        2,
                        true,
                        URI.create("http://localhost:8080/fn/hello"),
                        true,
                        Duration.ofMillis(40))),
                Duration.ofMillis(2400));

        assertThat(log.lines)
                .containsExactly(
                        "[INFO] Deployed hello revision 2 (new function) in 40 ms: http://localhost:8080/fn/hello"
                                + " (public: no API key needed)",
                        "[INFO] Deployed 1 function in 2.4 s.");
    }

    @Test
    void answeredLogsHowTheCallWentThenPrintsTheBody() throws Exception {
        output.answered(
                "hello",
                new InvocationResponse(200, "hi".getBytes(StandardCharsets.UTF_8), "text/plain", "r-1", true),
                Duration.ofMillis(12));

        assertThat(log.lines).containsExactly("[INFO] hello answered in 12 ms (cold start), request id r-1:");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
    }
}
