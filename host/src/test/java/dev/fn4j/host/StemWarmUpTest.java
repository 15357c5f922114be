package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StemWarmUpTest {

    @TempDir
    Path tmp;

    @Test
    void theWarmUpCallsItsHandlerOverASocketOfItsOwnAndLeavesNoFileBehind() throws IOException {
        List<String> seen = new ArrayList<>();
        Invoker echo = (invoke, log) -> {
            seen.add(new String(invoke.body(), StandardCharsets.UTF_8));
            return new Frame.Result(invoke.requestId(), List.of(), invoke.body());
        };
        Frame.Invoke invoke = new Frame.Invoke(
                "warm", System.currentTimeMillis() + 60_000, List.of(), "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        StemWarmUp.callOverASocket(echo, invoke, tmp);

        assertThat(seen).hasSize(StemWarmUp.WARM_UP_CALLS).containsOnly("{\"n\":1}");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void theWholeWarmUpRunsOnTheHostsOwnHandlerWithoutFailing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        StemWarmUp.run(new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("warm-up failed");
    }
}
