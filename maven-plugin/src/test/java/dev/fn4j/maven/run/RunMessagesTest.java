package dev.fn4j.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.client.Invocation;
import dev.fn4j.client.InvocationError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunMessagesTest {

    @Test
    void aChangeNamesUpToThreeFilesThenCounts() {
        assertThat(RunMessages.changed(Set.of(Path.of("com/example/Hello.class")), true))
                .isEqualTo("com/example/Hello.class");
        assertThat(RunMessages.changed(Set.of(Path.of("B.class"), Path.of("A.class")), true))
                .isEqualTo("A.class, B.class");
        assertThat(RunMessages.changed(Set.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d")), true))
                .isEqualTo("a, b, c and 1 more file");
        assertThat(RunMessages.changed(Set.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d")), false))
                .isEqualTo("a, b, c and more files");
    }

    @Test
    void aSwapSaysWhatAndHowLong() {
        assertThat(RunMessages.swapped(
                        "com/example/Hello.class",
                        List.of("hello revision 2"),
                        new RunMessages.Steps(
                                Duration.ofMillis(850),
                                Duration.ofMillis(200),
                                Duration.ofMillis(250),
                                Duration.ofMillis(400)),
                        Duration.ofMillis(1010)))
                .isEqualTo("Swapped in hello revision 2 in 850 ms (build 200 ms, upload 250 ms, start check 400 ms;"
                        + " 1.0 s after the change to com/example/Hello.class).");
    }

    @Test
    void aCallLineShowsTheRequestsMethodAndPath() {
        Invocation call = new Invocation(
                "inv3",
                "hello",
                2L,
                Invocation.SUCCEEDED,
                1,
                null,
                null,
                null,
                7L,
                false,
                null,
                null,
                null,
                null,
                "POST",
                "/fn/hello/greet");
        assertThat(CallConsole.line(call))
                .isEqualTo("-> hello POST /fn/hello/greet ok in 7 ms (warm) revision 2 [inv3]");
    }

    @Test
    void aCallIsOneLine() {
        Invocation ok = new Invocation(
                "inv1",
                "hello",
                3L,
                Invocation.SUCCEEDED,
                1,
                null,
                null,
                null,
                12L,
                false,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(CallConsole.line(ok)).isEqualTo("-> hello ok in 12 ms (warm) revision 3 [inv1]");
        Invocation failed = new Invocation(
                "inv2",
                "hello",
                null,
                Invocation.FAILED,
                1,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                new InvocationError("function_error", "boom"),
                List.of("line"),
                null,
                null);
        assertThat(CallConsole.line(failed)).isEqualTo("-> hello failed function_error: boom (cold start) [inv2]");
    }
}
